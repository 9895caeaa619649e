package dev.explainunit.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What both forms of perturbation selectivity report of their two halves (most- and
 * least-relevant removal; on sentences the decreasing and increasing orders): the means over the
 * models where each is defined, how many models have an undefined half, the statistic (the lower
 * mean; NaN when any model has an undefined half) and each model's row.
 */
record SelectivityHalves(double most, double least, int undefined, double statistic,
                         List<ModelStatistics> perModel) {

    /** Per-model names of the two halves. */
    static final String MOST = "selectivityMost";
    static final String LEAST = "selectivityLeast";

    /** Population names: the statistic and its two halves. */
    static final String STATISTIC = "selectivity";
    static final String STATISTIC_MOST = "selectivity_most";
    static final String STATISTIC_LEAST = "selectivity_least";

    static SelectivityHalves of(ExplainedPopulation p, double[] most, double[] least) {
        int undefined = 0;
        List<ModelStatistics> perModel = new ArrayList<>();
        for (int m = 0; m < most.length; m++) {
            undefined += Double.isNaN(most[m]) || Double.isNaN(least[m]) ? 1 : 0;
            Map<String, Double> row = new LinkedHashMap<>();
            row.put(MOST, most[m]);
            row.put(LEAST, least[m]);
            perModel.add(new ModelStatistics(p.models().get(m).id(), row));
        }
        double meanMost = mean(most);
        double meanLeast = mean(least);
        return new SelectivityHalves(meanMost, meanLeast, undefined,
                undefined > 0 ? Double.NaN : Math.min(meanMost, meanLeast), perModel);
    }

    /** selectivity_most, selectivity_least, selectivity, then {@code extra}, then undefined_models if any. */
    Map<String, Double> statistics(Map<String, Double> extra) {
        Map<String, Double> statistics = new LinkedHashMap<>();
        statistics.put(STATISTIC_MOST, most);
        statistics.put(STATISTIC_LEAST, least);
        statistics.put(STATISTIC, statistic);
        statistics.putAll(extra);
        if (undefined > 0) {
            statistics.put(CheckResult.UNDEFINED_MODELS, (double) undefined);
        }
        return statistics;
    }

    /**
     * A model's score for the counterexample search: the lower of its two selectivities (NaN when
     * undefined, which the search treats as the worst), so the counterexample comes from the model
     * that fails most, as for the other checks.
     */
    static double modelScore(ModelStatistics statistics) {
        return Math.min(statistics.get(MOST), statistics.get(LEAST));
    }

    /** Mean over the models where the score is defined; NaN when it is defined on none. */
    private static double mean(double[] v) {
        double sum = 0;
        int defined = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }
}
