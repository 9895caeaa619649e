package dev.explainunit.model;

import java.io.IOException;
import org.apiguardian.api.API;

/**
 * A vocabulary or data file that cannot be read. The message is {@code file:line: defect}, e.g.
 * {@code train.jsonl:17: label 7 outside 0..4}, or {@code file: defect} for a defect of the whole
 * file (an empty vocabulary). Invisible characters in the defect are shown as {@code \}{@code uXXXX},
 * so that the message is one line.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class MalformedDataException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file   the file name, as the user knows it
     * @param line   the line, from 1; 0 for a defect of the whole file
     * @param defect what is wrong, without the file name
     */
    public MalformedDataException(String file, long line, String defect) {
        super(file + (line > 0 ? ":" + line : "") + ": " + Vocabulary.printable(defect));
        this.file = file;
        this.line = line;
    }

    /** The file the defect was found in. */
    public String file() {
        return file;
    }

    /** The line of the defect, from 1; 0 for a defect of the whole file. */
    public long line() {
        return line;
    }
}
