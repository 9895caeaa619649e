package dev.explainunit.toy;

import dev.explainunit.model.CellKind;
import dev.explainunit.zoo.Architecture;
import org.apiguardian.api.API;

/**
 * The task {@code "subtraction-lstm2"}: the data and ground truth of {@code "subtraction"} (y = n_a − n_b, paper 3.2),
 * other bundled models: two-layer LSTMs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class SubtractionLstm2Task extends ToyArithmeticTask {

    /** The architecture of the bundled models (src/docs/training.md: why this H). */
    public static final Architecture ARCHITECTURE = Architecture.of(CellKind.LSTM, 2, 1);

    public SubtractionLstm2Task() {
        super(ToyTask.SUBTRACTION, "subtraction-lstm2", ARCHITECTURE);
    }
}
