package dev.explainunit.reproduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.Explainer;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.report.MethodResult;
import dev.explainunit.report.Report;
import dev.explainunit.report.ScatterSeries;
import dev.explainunit.report.SelectivityCurve;
import dev.explainunit.report.SentimentSection;
import dev.explainunit.report.Table2Section;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyArithmeticTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.zoo.ZooModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Table2ReproductionTest {

    private static final int SAMPLES = 60;
    private static final long SEED = 7;
    private static final List<ZooModel> ZOO = IdealAdditionModels.zoo(3);
    private static final AtomicInteger PROGRESS = new AtomicInteger();
    private static Report report;

    @BeforeAll
    static void reproduce() {
        ReproduceSettings settings = new ReproduceSettings(List.of(ToyArithmeticTask.of(ToyTask.ADDITION)), SAMPLES, SEED, 0, 40, 20);
        report = Table2Reproduction.run(settings, task -> ZOO, PROGRESS::incrementAndGet);
    }

    @Test
    void each_cell_is_the_mean_and_population_std_over_models_of_statistics_computed_directly() {
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, Split.TEST, SAMPLES, SEED);
        Explainer explainer = BuiltInExplainers.create("gradient-x-input", 0, 0);
        double[] rhoA = new double[ZOO.size()];
        double[] mass = new double[ZOO.size()];
        for (int m = 0; m < ZOO.size(); m++) {
            double[] ra = new double[SAMPLES];
            double[] na = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                ToySample s = samples.get(i);
                double[] r = explainer.explain(ZOO.get(m).model(), s.sequence(), 0).toArray();
                ra[i] = r[s.a()];
                na[i] = s.na();
                double total = 0;
                for (double v : r) {
                    total += Math.abs(v);
                }
                mass[m] += 100 * (Math.abs(r[s.a()]) + Math.abs(r[s.b()])) / total / SAMPLES;
            }
            rhoA[m] = 100 * pearson(ra, na);
        }

        MethodResult row = Table2Section.in(report).table2().get("addition").get("gradient-x-input");
        assertThat(row.rhoA().mean()).isCloseTo(mean(rhoA), within(1e-9));
        assertThat(row.rhoA().std()).isCloseTo(populationStd(rhoA), within(1e-9));
        assertThat(row.mass().mean()).isCloseTo(mean(mass), within(1e-9));
        assertThat(row.mass().std()).isCloseTo(populationStd(mass), within(1e-9));
    }

    @Test
    void on_models_that_add_exactly_lrp_all_and_gradient_x_input_pass_and_the_squared_gradient_fails() {
        var addition = Table2Section.in(report).table2().get("addition");

        assertThat(addition.get("lrp-all").verdict()).isEqualTo("pass");
        assertThat(addition.get("gradient-x-input").verdict()).isEqualTo("pass");
        // R_t = ‖∂f/∂x_t‖² is never negative, so it cannot follow n_a < 0: ρ stays far below 90%
        assertThat(addition.get("gradient").verdict()).isEqualTo("fail");
        assertThat(addition.get("gradient").rhoA().mean()).isLessThan(90);
    }

    @Test
    void every_built_in_method_is_reported_except_the_classification_only_one_which_gets_a_note() {
        assertThat(Table2Section.in(report).table2().get("addition").keySet()).containsExactlyElementsOf(
                BuiltInExplainers.ids().stream().filter(id -> !id.equals("occlusion-p-diff")).toList());
        assertThat(report.notes()).contains("occlusion-p-diff does not apply to the addition models (2 inputs per"
                + " step, 1 output)");
        assertThat(PROGRESS.get()).isEqualTo(BuiltInExplainers.ids().size());
        assertThat(Table2Section.in(report).paper().get("addition")).containsKey("lrp-all");
        assertThat(report.checks()).extracting(c -> c.explainerId()).contains("lrp-all", "cd");
    }

    @Test
    void the_skip_note_names_the_shape_of_the_models_in_singular_and_plural() {
        assertThat(Table2Reproduction.notApplicable("m", ToyArithmeticTask.of(ToyTask.SUBTRACTION), 1, 3))
                .isEqualTo("m does not apply to the subtraction models (1 input per step, 3 outputs)");
    }

    @Test
    void scatter_points_are_the_operand_relevances_of_distinct_sequences_across_models() {
        ScatterSeries lrp = Table2Section.in(report).scatter().stream().filter(s -> s.method().equals("lrp-all")).findFirst()
                .orElseThrow();
        List<ToySample> samples = ToyData.generate(ToyTask.ADDITION, Split.TEST, SAMPLES, SEED);
        Explainer explainer = BuiltInExplainers.create("lrp-all", 0, 0);

        assertThat(lrp.na()).hasSize(40);
        for (int j : new int[] {0, 1, 2, 3, 39}) {
            ToySample s = samples.get(j);
            double[] r = explainer.explain(ZOO.get(j % ZOO.size()).model(), s.sequence(), 0).toArray();
            assertThat(lrp.na()[j]).isEqualTo(s.na());
            assertThat(lrp.ra()[j]).isCloseTo(r[s.a()], within(1e-12));
            assertThat(lrp.rb()[j]).isCloseTo(r[s.b()], within(1e-12));
        }
    }

    @Test
    void a_method_whose_relevance_ranks_the_operands_first_has_the_operands_first_selectivity_curve() {
        double[] lrp = curve("lrp-all");
        double[] best = curve("operands first");
        double[] random = curve("random");

        assertThat(lrp[0]).isZero();
        // lrp-all gives R_a ≈ n_a on these models, so the step of largest |R| is the operand of largest |n|
        assertThat(lrp[1]).isCloseTo(best[1], within(1e-12));
        assertThat(lrp[2]).isCloseTo(best[2], within(1e-12));
        assertThat(lrp[1]).isGreaterThan(random[1]);
    }

    @Test
    void tasks_run_side_by_side_and_are_reported_in_the_order_given() {
        AtomicInteger steps = new AtomicInteger();
        ReproduceSettings settings = new ReproduceSettings(List.of(ToyArithmeticTask.of(ToyTask.SUBTRACTION), ToyArithmeticTask.of(ToyTask.ADDITION)), 20, SEED, 0, 10,
                5);

        Report both = Table2Reproduction.run(settings, task -> ZOO, steps::incrementAndGet);

        assertThat(Table2Section.in(both).table2().keySet()).containsExactly("subtraction", "addition");
        assertThat(Table2Section.in(both).examples()).extracting(e -> e.task()).containsExactly("subtraction", "addition");
        assertThat(steps.get()).isEqualTo(2 * BuiltInExplainers.ids().size());
        assertThat(both.run().tasks()).containsExactly("subtraction", "addition");
    }

    private static double[] curve(String method) {
        return Table2Section.in(report).selectivity().stream().filter(c -> c.method().equals(method)).findFirst()
                .map(SelectivityCurve::change).orElseThrow();
    }

    private static double pearson(double[] x, double[] y) {
        double mx = mean(x), my = mean(y), sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double populationStd(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
