package dev.explainunit.checks;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.explainunit.Sequence;
import dev.explainunit.checks.internal.GuardedParallel;
import dev.explainunit.lstm.Lstm;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToySample;
import dev.explainunit.zoo.ZooModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * When a population check fails, finds one sequence that shows the failure: the first test
 * sequence of the worst model that violates the check's {@link SequenceProperty} (the original),
 * and a minimal one found by QuickTheories' generation and shrinking on the same model (shortest
 * T, operands first, simplest numbers). Toy sequences are generated as the task defines them
 * (paper 3.2), with numbers on a grid of 0.05 so that shrunk values read easily:
 *
 * <pre>
 *   T ∈ [3, 14],  0 ≤ a &lt; b &lt; T,  |n_t| ∈ {0.50, 0.55, …, 1.00}, signs (addition only) shrink to +
 * </pre>
 */
final class CounterexampleSearch {

    static final int MIN_LENGTH = 3;
    static final int MAX_LENGTH = 14;
    private static final int SHRINK_CYCLES = 100;

    private CounterexampleSearch() {
    }

    /** A counterexample for the failed {@code result}, or empty when none was found in time. */
    static Optional<Counterexample> search(CheckResult result, ExplainedPopulation p, SanitySettings s) {
        boolean contractBroken = p.contractViolation().isPresent();
        if (result.verdict() != Verdict.FAIL || (contractBroken && result.check() != Check.CONTRACT)
                || p.contractViolation().map(v -> v.contains(" hung")).orElse(false)) {
            return Optional.empty();
        }
        int m = worstModel(result, p);
        ZooModel zoo = p.models().get(m);
        Lstm randomised = ModelRandomization.randomised(zoo.model(), ModelRandomization.seed(s.seed(), m, 0));
        SequenceProperty property = new SequenceProperty(result.check(), p.explainer(), p.task(), zoo.model(),
                randomised, s.thresholds());
        Found found = new Found();
        try {
            GuardedParallel.run(1, 1, s.timeLimit(), (job, clock) -> {
                Runnable start = () -> clock.start("counterexample search on model " + zoo.id());
                Runnable stop = clock::stop;
                found.original = original(property, p, m, start, stop);
                shrink(property, p.task(), s, start, stop, found);
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
        return Optional.of(new Counterexample(zoo.id(), original, shrunk, property.describe()));
    }

    private static final class Found {
        volatile Example original;
        volatile Example shrunk;
    }

    /** The model with the worst per-model statistic of the check, undefined first (model 0 if there is none). */
    private static int worstModel(CheckResult result, ExplainedPopulation p) {
        List<ModelStatistics> stats = result.perModel();
        if (stats.isEmpty()) {
            return 0;
        }
        int worst = 0;
        double worstValue = Double.POSITIVE_INFINITY;
        for (int m = 0; m < stats.size(); m++) {
            ModelStatistics ms = stats.get(m);
            double value = switch (result.check()) {
                case RELEVANT_MASS -> ms.mass();
                case RELEVANCE_CONSERVATION -> -ms.mse();
                case GROUND_TRUTH_CORRELATION -> Math.min(ms.rhoA(), CheckEvaluation.expectedSignB(p.task()) * ms.rhoB());
                default -> 0;
            };
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
    private static Example original(SequenceProperty property, ExplainedPopulation p, int m, Runnable start,
                                    Runnable stop) {
        if (p.contractViolation().isPresent()) {
            return null;
        }
        for (int i = 0; i < p.samples().size(); i++) {
            ToySample sample = p.samples().get(i);
            SequenceProperty.Outcome outcome = property.check() == Check.MODEL_RANDOMIZATION && i < 200
                    ? property.evaluate(sample, start, stop)
                    : property.judge(p.relevance(m, i), sample, p.prediction(m, i));
            if (!outcome.holds()) {
                return example(sample, outcome);
            }
        }
        return null;
    }

    private static void shrink(SequenceProperty property, ToyTask task, SanitySettings s, Runnable start,
                               Runnable stop, Found found) {
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
                ToySample sample = (ToySample) smallest;
                found.shrunk = example(sample, property.evaluate(sample, start, stop));
            }

            @Override
            public void valuesExhausted(int examples) {
            }
        };
        QuickTheory.qt().withFixedSeed(s.seed()).withExamples(s.searchTries()).withShrinkCycles(SHRINK_CYCLES)
                .withReporter(reporter)
                .forAll(toySamples(task))
                .check(sample -> property.evaluate(sample, start, stop).holds());
    }

    /** Toy samples of the task (paper 3.2) that shrink towards short sequences and simple numbers. */
    static Gen<ToySample> toySamples(ToyTask task) {
        Gen<Integer> lengths = integers().between(MIN_LENGTH, MAX_LENGTH);
        Gen<Integer> first = integers().between(0, MAX_LENGTH - 2);
        Gen<Integer> gap = integers().between(0, MAX_LENGTH - 2);
        Gen<List<Integer>> levels = lists().of(integers().between(0, 10)).ofSize(MAX_LENGTH);
        Gen<List<Boolean>> negative = lists().of(booleans().all()).ofSize(MAX_LENGTH);
        return lengths.zip(first, gap, levels, negative, (length, p, q, level, sign) -> {
            int a = p % (length - 1);
            int b = a + 1 + q % (length - 1 - a);
            double[][] steps = new double[length][2];
            for (int t = 0; t < length; t++) {
                double n = 0.5 + 0.05 * level.get(t);
                if (task == ToyTask.ADDITION && sign.get(t)) {
                    n = -n;
                }
                steps[t][t == a || t == b ? 0 : 1] = n;
            }
            double na = steps[a][0];
            double nb = steps[b][0];
            return new ToySample(Sequence.of(steps), a, b, na, nb, task.target(na, nb));
        }).describedAs(sample -> "T=" + sample.length() + " a=" + sample.a() + " b=" + sample.b());
    }

    static Example example(ToySample sample, SequenceProperty.Outcome outcome) {
        List<StepValue> steps = new ArrayList<>();
        Sequence x = sample.sequence();
        for (int t = 0; t < x.length(); t++) {
            double[] values = new double[x.dim()];
            for (int d = 0; d < x.dim(); d++) {
                values[d] = x.get(t, d);
            }
            steps.add(new StepValue(t, values, outcome.relevance() == null ? Double.NaN : outcome.relevance()[t]));
        }
        return new Example(steps, sample.a(), sample.b(), sample.y(), outcome.prediction(), outcome.statistic());
    }
}
