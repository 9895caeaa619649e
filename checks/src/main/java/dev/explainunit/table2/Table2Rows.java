package dev.explainunit.table2;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.ExplainedPopulation;
import dev.explainunit.checks.ModelStatistics;
import dev.explainunit.checks.Verdict;
import dev.explainunit.report.MethodResult;
import dev.explainunit.report.ScatterSeries;
import dev.explainunit.report.Stat;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.Sample;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * The parts of the toy tasks' Table 2 section that one explained population gives: its row (mean
 * and std over the models of each column), its scatter of the operands' relevances against their
 * values, and the test sequence its heatmap shows. The reproduction computes them for every
 * built-in method, the test engine ({@link ExplainerFigures}) for the explainer under test, the
 * same way. The columns are the toy tasks' operand roles, a and b.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Table2Rows {

    /** The checks behind Table 2's columns; a method passes a task when all of them pass. */
    public static final Set<Check> CHECKS = EnumSet.of(Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION,
            Check.RELEVANCE_CONSERVATION, Check.RELEVANT_MASS);

    private Table2Rows() {
    }

    /** Table 2's row: mean and population std over models of each statistic (models with NaN ρ left out). */
    public static MethodResult row(List<ModelStatistics> stats, boolean passed) {
        double[] rhoA = finite(stats, m -> m.get(ModelStatistics.rho("a")));
        double[] rhoB = finite(stats, m -> m.get(ModelStatistics.rho("b")));
        int undefined = stats.size() - Math.min(rhoA.length, rhoB.length);
        String note = undefined == 0 ? null : "ρ is undefined (constant relevance) on " + undefined + " of "
                + stats.size() + " models; they are left out of its mean and std";
        return new MethodResult(Stat.of(rhoA), Stat.of(rhoB), Stat.of(finite(stats,
                m -> m.get(ModelStatistics.MASS))), Stat.of(finite(stats, m -> m.get(ModelStatistics.MSE))),
                Verdict.of(passed).word(), note);
    }

    private static double[] finite(List<ModelStatistics> stats, ToDoubleFunction<ModelStatistics> f) {
        return stats.stream().mapToDouble(f).filter(Double::isFinite).toArray();
    }

    /** The first test sequence whose operands are at least three steps apart (a readable heatmap). */
    public static int exampleIndex(List<Sample> samples) {
        for (int i = 0; i < samples.size(); i++) {
            if (operand(samples.get(i), "b").position() - operand(samples.get(i), "a").position() >= 3) {
                return i;
            }
        }
        return 0;
    }

    /** Up to {@code points} (n, R) pairs pooled over models: point j is sequence j explained on model j mod M. */
    public static ScatterSeries scatter(ExplainedPopulation p, int points) {
        int models = p.models().size();
        int n = Math.min(points, p.samples().size());
        double[] na = new double[n], ra = new double[n], nb = new double[n], rb = new double[n];
        for (int j = 0; j < n; j++) {
            int m = j % models;
            int i = j;
            Sample s = p.samples().get(i);
            double[] r = p.relevance(m, i);
            GroundTruth.Relevant a = operand(s, "a");
            GroundTruth.Relevant b = operand(s, "b");
            na[j] = a.value();
            ra[j] = r[a.position()];
            nb[j] = b.value();
            rb[j] = r[b.position()];
        }
        return new ScatterSeries(p.task().id(), p.explainerId(), na, ra, nb, rb);
    }

    /** The operand with {@code role} ("a" or "b") of a toy sample. */
    private static GroundTruth.Relevant operand(Sample s, String role) {
        return s.truth().role(role).orElseThrow();
    }
}
