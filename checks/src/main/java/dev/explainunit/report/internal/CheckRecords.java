package dev.explainunit.report.internal;

import dev.explainunit.checks.CheckResult;
import dev.explainunit.checks.Example;
import dev.explainunit.checks.StepValue;
import dev.explainunit.report.CheckRecord;
import dev.explainunit.report.Counterexample;
import dev.explainunit.report.Sample;
import dev.explainunit.report.Verdicts;
import java.util.List;

/**
 * A check's {@link CheckResult} as the report's {@link CheckRecord}, converted field by field in
 * the same process (the reproduction and {@code explainunit check}); only results of the engine,
 * which reach the report listener as report-entry strings, are parsed ({@link PublishedResults}).
 */
public final class CheckRecords {

    private CheckRecords() {
    }

    /** The record of {@code result}: the decisive statistic's value, "pass" or "fail", the counterexample's sequences. */
    public static CheckRecord of(CheckResult result) {
        Double statistic = result.statistics().get(result.statistic());
        Counterexample counterexample = result.counterexample() == null ? null : new Counterexample(
                result.counterexample().modelId(), result.seed(), sample(result.counterexample().original()),
                sample(result.counterexample().shrunk()));
        return new CheckRecord(result.check().id(), result.explainerId(), result.task(),
                statistic == null ? Double.NaN : statistic, result.threshold(), result.statistics(),
                Verdicts.of(result.passed()), result.seed(), result.modelIds(), counterexample, result.message());
    }

    private static Sample sample(Example example) {
        List<StepValue> steps = example.steps();
        double[][] inputs = new double[steps.size()][];
        double[] relevance = new double[steps.size()];
        for (int t = 0; t < inputs.length; t++) {
            inputs[t] = steps.get(t).x().clone();
            relevance[t] = steps.get(t).relevance();
        }
        return new Sample(inputs, relevance, example.a(), example.b(), example.y(), example.prediction());
    }
}
