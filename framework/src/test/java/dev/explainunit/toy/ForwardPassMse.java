package dev.explainunit.toy;

import dev.explainunit.model.RecurrentNetwork;
import java.util.List;

/** Reference MSE for tests: from the model's own forward pass ({@link RecurrentNetwork#predict}), independent of the trainer's loss. */
public final class ForwardPassMse {

    private ForwardPassMse() {
    }

    /** (1/N) Σ (f(x) − y)² over {@code samples}. */
    public static double of(RecurrentNetwork model, List<ToySample> samples) {
        double sum = 0;
        for (ToySample s : samples) {
            double error = model.predict(s.sequence())[0] - s.y();
            sum += error * error;
        }
        return sum / samples.size();
    }
}
