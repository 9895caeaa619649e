package dev.explainunit.checks;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.task.Draws;
import dev.explainunit.task.Sample;
import dev.explainunit.task.SampleGenerator;
import dev.explainunit.task.TaskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;
import org.quicktheories.generators.Generate;

/**
 * When a population check fails, finds one sequence that shows the failure: the first test
 * sequence of the worst model that violates the check's {@link SequenceProperty} (the original),
 * and, when the task has a {@link dev.explainunit.task.Task#generator() generator}, a minimal one
 * found by QuickTheories' generation and shrinking on the same model. The generator's
 * {@link Draws} are QuickTheories draws ({@link #samples}), so they shrink as the task designed
 * them (the toy tasks: shortest T, operands first, simplest numbers). A task without a generator
 * shows the first failing test sequence only.
 */
final class CounterexampleSearch {

    private static final int SHRINK_CYCLES = 100;
    /** Test sequences that model randomization explains afresh when looking for the original. */
    private static final int FRESH_ORIGINALS = 200;

    private CounterexampleSearch() {
    }

    /** A counterexample for the failed {@code result}, or empty when none was found in time. */
    static Optional<Counterexample> search(CheckResult result, ExplainedPopulation p, SanitySettings s) {
        boolean contractBroken = p.contractViolation().isPresent();
        if (result.verdict() != Verdict.FAIL || (contractBroken && result.check() != Check.CONTRACT)
                || p.contractViolation().map(ContractViolation::hung).orElse(false)) {
            return Optional.empty();
        }
        SanityCheck check = p.form(result.check()).orElseThrow();
        int m = worstModel(check, result, p);
        TaskModel zoo = p.models().get(m);
        RecurrentNetwork randomised = ModelRandomizationCheck.randomised(zoo.model(),
                ModelRandomizationCheck.seed(s.seed(), m, 0));
        Optional<SampleGenerator> generator = p.task().generator();
        Found found = new Found();
        String[] property = new String[1];
        try {
            GuardedParallel.run(1, 1, s.timeLimit(), (job, clock) -> {
                Runnable start = () -> clock.start("counterexample search on model " + zoo.id());
                SequenceProperty sequenceProperty = new SequenceProperty(check, p.explainer(), zoo.model(),
                        randomised, s.thresholds(), start, clock::stop);
                property[0] = check.property(p, s.thresholds());
                found.original = original(sequenceProperty, p, m, found);
                if (generator.isPresent()) {
                    shrink(sequenceProperty, generator.get(), s, found);
                }
            });
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // a search that hangs or fails only loses the counterexample, never the verdict
        }
        if (found.original == null && found.shrunk == null) {
            return Optional.empty();
        }
        Example original = found.original != null ? found.original : found.shrunk;
        Example shrunk = found.shrunk != null ? found.shrunk : found.original;
        // the exception behind the sequence shown first becomes the failure's cause
        Throwable thrown = found.shrunkThrown != null ? found.shrunkThrown : found.originalThrown;
        if (thrown != null) {
            p.thrownDeciding(result.check(), thrown);
        }
        return Optional.of(new Counterexample(zoo.id(), original, shrunk, property[0] != null ? property[0]
                : check.property(p, s.thresholds())));
    }

    private static final class Found {
        volatile Example original;
        volatile Example shrunk;
        /** What the explainer threw on the original and on the shrunk sequence, if it threw. */
        volatile Throwable originalThrown;
        volatile Throwable shrunkThrown;
    }

    /** The model with the worst per-model score of the check, undefined first (model 0 if there is none). */
    private static int worstModel(SanityCheck check, CheckResult result, ExplainedPopulation p) {
        List<ModelStatistics> stats = result.perModel();
        int worst = 0;
        double worstValue = Double.POSITIVE_INFINITY;
        for (int m = 0; m < stats.size(); m++) {
            double value = check.modelScore(stats.get(m), p);
            if (Double.isNaN(value)) {
                value = Double.NEGATIVE_INFINITY; // an undefined statistic is the worst
            }
            if (value < worstValue) {
                worstValue = value;
                worst = m;
            }
        }
        return worst;
    }

    /** The first test sequence of model m that violates the property, judged on the shared relevances. */
    private static Example original(SequenceProperty property, ExplainedPopulation p, int m, Found found) {
        if (p.contractViolation().isPresent()) {
            return null;
        }
        for (int i = 0; i < p.samples().size(); i++) {
            Sample sample = p.samples().get(i);
            SequenceProperty.Outcome outcome = property.check().judgesFreshOnly() && i < FRESH_ORIGINALS
                    ? property.evaluate(sample)
                    : property.judge(p.relevance(m, i), sample, p.prediction(m, i));
            if (!outcome.holds()) {
                found.originalThrown = outcome.thrown();
                return example(sample, outcome);
            }
        }
        return null;
    }

    private static void shrink(SequenceProperty property, SampleGenerator generator, SanitySettings s, Found found) {
        Reporter reporter = new Reporter() {
            @Override
            public void falisification(long seed, int examples, Object smallest, Throwable cause,
                                       List<Object> others, AsString<Object> asString) {
                record(smallest);
            }

            @Override
            public void falisification(long seed, int examples, Object smallest, List<Object> others,
                                       AsString<Object> asString) {
                record(smallest);
            }

            private void record(Object smallest) {
                Sample sample = (Sample) smallest;
                SequenceProperty.Outcome outcome = property.evaluate(sample);
                found.shrunkThrown = outcome.thrown();
                found.shrunk = example(sample, outcome);
            }

            @Override
            public void valuesExhausted(int examples) {
            }
        };
        QuickTheory.qt().withFixedSeed(s.seed()).withExamples(s.searchTries()).withShrinkCycles(SHRINK_CYCLES)
                .withReporter(reporter)
                .forAll(samples(generator))
                .check(sample -> property.evaluate(sample).holds());
    }

    /**
     * The task's generator as a QuickTheories generator. Each {@link Draws#between} is one
     * {@code Generate.range(min, max)} draw (shrink point 0): exactly what {@code integers().between}
     * and {@code booleans().all()} draw. {@link Draws#each} and {@link Draws#coins} are QuickTheories
     * lists ({@code lists().of(..).ofSize(count)}), which first choose the list implementation (one
     * draw in [0, 99]) and the size (one draw fixed to count), then the values. So a generator
     * written once against QuickTheories' DSL and now against {@link Draws} makes the same choices,
     * finds the same failing sample for a seed and shrinks it the same way.
     */
    static Gen<Sample> samples(SampleGenerator generator) {
        Gen<Sample> gen = in -> generator.generate(new Draws() {
            @Override
            public int between(int min, int max) {
                return Generate.range(min, max).generate(in);
            }

            @Override
            public int[] each(int count, int min, int max) {
                return lists().of(integers().between(min, max)).ofSize(count).generate(in).stream()
                        .mapToInt(Integer::intValue).toArray();
            }

            @Override
            public boolean[] coins(int count) {
                List<Boolean> flips = lists().of(booleans().all()).ofSize(count).generate(in);
                boolean[] values = new boolean[count];
                for (int k = 0; k < count; k++) {
                    values[k] = flips.get(k);
                }
                return values;
            }
        });
        return gen.describedAs(CounterexampleSearch::describe);
    }

    private static String describe(Sample sample) {
        StringBuilder text = new StringBuilder("T=").append(sample.length());
        if (sample.hasTruth()) {
            sample.truth().relevant().forEach(r -> text.append(' ').append(r.role()).append('=').append(r.position()));
        }
        return text.toString();
    }

    static Example example(Sample sample, SequenceProperty.Outcome outcome) {
        List<StepValue> steps = new ArrayList<>();
        Sequence x = sample.input();
        for (int t = 0; t < x.length(); t++) {
            double[] values = new double[x.dim()];
            for (int d = 0; d < x.dim(); d++) {
                values[d] = x.get(t, d);
            }
            steps.add(new StepValue(t, values, outcome.relevance() == null ? Double.NaN : outcome.relevance()[t],
                    sample.tokens().isEmpty() ? null : sample.tokens().get(t)));
        }
        return new Example(steps, sample.truth(), sample.y(), outcome.prediction(), outcome.statistic(),
                outcome.thrown() == null ? null : String.valueOf(outcome.thrown()), outcome.randomised());
    }
}
