package dev.explainunit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.Explainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckThrowingExplainerTest {

    /** An explainer with a bug two calls deep. */
    public static final class Buggy implements Explainer {
        @Override
        public String id() {
            return "buggy";
        }

        @Override
        public Relevance explain(RecurrentModel model, Sequence input, int target) {
            return Relevance.perStep(weights(input));
        }

        private static double[] weights(Sequence input) {
            throw new IllegalStateException("my bug");
        }
    }

    @Test
    void check_prints_the_explainers_own_frames_of_what_it_threw_and_not_explainunits(@TempDir Path out) {
        CommandRun run = CommandRun.of("check", "--explainer", Buggy.class.getName(), "--task", "addition",
                "--models", "2", "--samples", "20", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        String frames = Buggy.class.getName() + ".weights(CheckThrowingExplainerTest.java:";
        assertThat(run.out()).contains("contract on addition: [buggy] threw" + System.lineSeparator()
                        + "java.lang.IllegalStateException: my bug" + System.lineSeparator() + "\tat " + frames)
                .contains("\tat " + Buggy.class.getName() + ".explain(CheckThrowingExplainerTest.java:")
                .containsPattern("\t\\.\\.\\. \\d+ more in ExplainUnit and the JDK")
                .doesNotContain("\tat dev.explainunit.checks.");
    }
}
