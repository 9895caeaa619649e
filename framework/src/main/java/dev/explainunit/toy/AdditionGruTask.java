package dev.explainunit.toy;

import dev.explainunit.model.CellKind;
import dev.explainunit.zoo.Architecture;
import org.apiguardian.api.API;

/**
 * The task {@code "addition-gru"}: the data and ground truth of {@code "addition"} (y = n_a + n_b, paper 3.2),
 * other bundled models: GRUs.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public final class AdditionGruTask extends ToyArithmeticTask {

    /** The architecture of the bundled models (src/docs/training.md: why this H). */
    public static final Architecture ARCHITECTURE = Architecture.of(CellKind.GRU, 1, 1);

    public AdditionGruTask() {
        super(ToyTask.ADDITION, "addition-gru", ARCHITECTURE);
    }
}
