package dev.explainunit.checks;

import dev.explainunit.fixtures.BrokenExplainers;
import dev.explainunit.fixtures.ReferenceGradientTimesInput;
import dev.explainunit.fixtures.ReferenceOcclusion;
import dev.explainunit.toy.Task;
import org.junit.jupiter.api.Test;

class ScratchMeasureTest {
    @Test
    void measure() {
        SanitySettings s = SanitySettings.defaults();
        for (var e : new dev.explainunit.Explainer[] {new ReferenceGradientTimesInput(), new ReferenceOcclusion(),
                BrokenExplainers.inputCopy(), BrokenExplainers.uniform()}) {
            for (Task task : Task.values()) {
                ExplainedPopulation p = SanityChecks.explain(e, task, s);
                System.out.println(e.id() + " " + task + " explain " + p.seconds());
                for (Check c : Check.values()) {
                    CheckResult r = SanityChecks.evaluate(c, p, s);
                    System.out.println("  " + r.verdict() + " " + c + " " + r.seconds() + " " + r.statistics());
                }
            }
        }
    }
}
