package dev.explainunit.safetensors;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A model file that cannot be read as an ExplainUnit LSTM. The message names the file and the
 * defect, e.g. {@code model.safetensors: tensor 'fc.weight' has shape [1, 3], expected [C, 1]}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MalformedModelException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;

    /**
     * @param file   the file or resource name, as the user knows it
     * @param defect what is wrong, without the file name
     */
    public MalformedModelException(String file, String defect) {
        super(file + ": " + defect);
        this.file = file;
    }

    /** The file or resource the defect was found in. */
    public String file() {
        return file;
    }
}
