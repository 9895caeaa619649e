package dev.explainunit.checks;

import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns an {@link ExplainedPopulation} into the {@link CheckResult} of one check: not applicable
 * when the explainer does not apply to the task's models or the task lacks the ground truth the
 * check needs; failed, without evaluation, when the contract was violated; otherwise the check's
 * own {@link SanityCheck#evaluate evaluation}. The population statistic of every Table 2 check is
 * the mean over the models of the per-model statistic, as the paper reports it.
 */
final class CheckEvaluation {

    private CheckEvaluation() {
    }

    static CheckResult evaluate(Check key, ExplainedPopulation population, SanitySettings settings) {
        long started = System.nanoTime();
        SanityCheck check = population.form(key).orElse(null);
        CheckResult result;
        if (population.notApplicable().isPresent()) {
            result = notApplicable(key, population, settings, population.notApplicable().get() + ".");
        } else if (check == null) {
            result = notApplicable(key, population, settings, key.displayName() + " does not exist on task ["
                    + population.task().id() + "]: it needs " + CheckForms.whereItExists(key));
        } else if (!population.task().groundTruth().provides(check.needs())) {
            result = notApplicable(key, population, settings, notApplicableReason(key, check.needs(),
                    population.task()));
        } else if (population.contractViolation().isPresent()) {
            result = contractFailure(check, population, settings);
        } else {
            result = check.evaluate(population, settings);
        }
        return result.withSeconds((System.nanoTime() - started) / 1e9);
    }

    /** "relevant mass needs the relevant positions; task [x] has no ground truth". */
    static String notApplicableReason(Check check, GroundTruthKind needs, Task task) {
        String has = switch (task.groundTruth()) {
            case NONE -> "has no ground truth";
            case POSITIONS -> "knows only the relevant positions";
            case CONTRIBUTIONS -> "knows the contributions of the relevant positions but not that they are complete";
            case COMPLETE -> "has complete ground truth";
        };
        return check.displayName() + " needs " + inWords(needs) + "; task [" + task.id() + "] " + has;
    }

    /** What a check needs, in words, for the "not applicable" reason: "the relevant positions". */
    private static String inWords(GroundTruthKind needs) {
        return switch (needs) {
            case NONE -> "nothing";
            case POSITIONS -> "the relevant positions";
            case CONTRIBUTIONS -> "the relevant positions with their values and signs";
            case COMPLETE -> "complete ground truth (contributions that add up to the target)";
        };
    }

    private static CheckResult notApplicable(Check key, ExplainedPopulation p, SanitySettings s, String reason) {
        return result(key, p, s, Map.of(), "", Double.NaN, Comparison.NONE, Verdict.NOT_APPLICABLE, List.of(), reason);
    }

    /**
     * The contract check fails with the violation; every other check is {@link Verdict#SKIPPED}
     * with the reason in one line, so that one root cause is one failure.
     */
    private static CheckResult contractFailure(SanityCheck check, ExplainedPopulation p, SanitySettings s) {
        ContractViolation violation = p.contractViolation().orElseThrow();
        String message = check.key() == Check.CONTRACT ? CheckMessages.failed(p, check, violation.message() + ".")
                : CheckMessages.header(p) + check.key().displayName() + " skipped: the contract check failed ("
                        + headline(violation) + ")";
        return result(check.key(), p, s, Map.of(), "", Double.NaN, Comparison.NONE,
                check.key() == Check.CONTRACT ? Verdict.FAIL : Verdict.SKIPPED, List.of(), message)
                .withViolation(violation);
    }

    /**
     * The violation without its values, at most 160 characters: "explainer [x] is not deterministic"
     * rather than the two relevance vectors that the contract check's own message shows.
     */
    static String headline(ContractViolation violation) {
        String head = violation.headline();
        return head.length() <= 160 ? head : head.substring(0, 157) + "...";
    }

    /** Mean of {@code f} over the models where it is defined (not NaN); NaN when it is defined on none. */
    static double meanOverModels(List<ModelStatistics> stats, ToDoubleFunction<ModelStatistics> f) {
        double sum = 0;
        int defined = 0;
        for (ModelStatistics m : stats) {
            double v = f.applyAsDouble(m);
            if (!Double.isNaN(v)) {
                sum += v;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** Number of models on which {@code f} is undefined (NaN). */
    static int undefinedModels(List<ModelStatistics> stats, ToDoubleFunction<ModelStatistics> f) {
        int undefined = 0;
        for (ModelStatistics m : stats) {
            undefined += Double.isNaN(f.applyAsDouble(m)) ? 1 : 0;
        }
        return undefined;
    }

    static CheckResult result(Check check, ExplainedPopulation p, SanitySettings s, Map<String, Double> statistics,
                              String statistic, double threshold, Comparison comparison, Verdict verdict,
                              List<ModelStatistics> perModel, String message) {
        return result(check, p, s, statistics, statistic, threshold, comparison, verdict, perModel, message, null);
    }

    /** As the others, with why the statistic is undefined on some models (null when it is defined on all). */
    static CheckResult result(Check check, ExplainedPopulation p, SanitySettings s, Map<String, Double> statistics,
                              String statistic, double threshold, Comparison comparison, Verdict verdict,
                              List<ModelStatistics> perModel, String message, UndefinedStatistic undefined) {
        return new CheckResult(check, p.explainerId(), p.task().id(), statistics, statistic, threshold, comparison,
                verdict, s.seed(), p.samples().size(), p.models().stream().map(TaskModel::id).toList(), perModel,
                null, message, 0, null, undefined);
    }
}
