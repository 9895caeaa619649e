package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.report.internal.HeatmapSvg;
import dev.explainunit.report.internal.LinePlotSvg;
import dev.explainunit.report.internal.ScatterPlotSvg;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlotSvgTest {

    @Test
    void heatmap_colours_positive_red_negative_blue_normalised_to_the_largest_magnitude() {
        String svg = HeatmapSvg.render("h", new double[3][2], java.util.Map.of(0, "a", 2, "b"),
                List.of(new HeatmapSvg.Row("m", new double[] {2, 0, -2}), new HeatmapSvg.Row("n", new double[] {-1, 0.5, 0})));

        // row m: +max is full red, 0 white, -max full blue; row n is scaled to its own max |R| = 1
        assertThat(svg).contains("fill=\"#d62728\"><title>m, t=0: R=2</title>")
                .contains("fill=\"#ffffff\"><title>m, t=1: R=0</title>")
                .contains("fill=\"#2166d4\"><title>m, t=2: R=-2</title>")
                .contains("fill=\"#2166d4\"><title>n, t=0: R=-1</title>")
                .contains("fill=\"#eb9394\"><title>n, t=1: R=0.5</title>");
    }

    @Test
    void tick_labels_use_the_decimals_of_the_tick_spacing() {
        assertThat(dev.explainunit.report.internal.Numbers.tick(0.75, 0.25)).isEqualTo("0.75");
        assertThat(dev.explainunit.report.internal.Numbers.tick(-0.5, 0.5)).isEqualTo("-0.5");
        assertThat(dev.explainunit.report.internal.Numbers.tick(1000, 250)).isEqualTo("1000");
        assertThat(dev.explainunit.report.internal.Numbers.tick(-0.0005, 0.0005)).isEqualTo("-5e-4");
        assertThat(dev.explainunit.report.internal.Numbers.tick(1e-17, 0.2)).isEqualTo("0");
    }

    @Test
    void heatmap_shows_non_finite_relevance_in_grey_instead_of_failing() {
        String svg = HeatmapSvg.render("h", new double[2][1], java.util.Map.of(),
                List.of(new HeatmapSvg.Row("m", new double[] {Double.NaN, 1})));

        assertThat(svg).contains("fill=\"#b0b0b0\"><title>m, t=0: R=NaN</title>");
    }

    @Test
    void heatmap_draws_a_row_the_explainer_threw_on_as_one_bar_naming_the_exception_not_as_nan_cells() {
        String thrown = "java.lang.IllegalStateException: <no model>\n\tat my.Explainer.explain(Explainer.java:12)";
        String svg = HeatmapSvg.render("h", new double[3][1], java.util.Map.of(0, "a", 2, "b"), List.of(
                new HeatmapSvg.Row("shrunk", new double[] {Double.NaN, Double.NaN, Double.NaN}, thrown)));

        assertThat(svg).doesNotContain("R=NaN", ">NaN<")
                .contains(">threw java.lang.IllegalStateException: &lt;no model&gt;</text>")
                .contains("<title>shrunk: explain(model, x, target) threw java.lang.IllegalStateException: &lt;no model&gt;");
        assertThat(HtmlReportWriterTest.count(svg, "fill=\"#e4e4e4\"")).isEqualTo(1);
    }

    @Test
    void scatter_plot_draws_one_point_per_finite_pair() {
        String svg = ScatterPlotSvg.render("t", "x", "y", new double[] {0, 1, 2, Double.NaN},
                new double[] {0, -1, Double.POSITIVE_INFINITY, 3}, "#000");

        assertThat(HtmlReportWriterTest.count(svg, "<circle")).isEqualTo(2);
    }

    @Test
    void line_plot_draws_a_line_and_a_legend_entry_per_series() {
        String svg = LinePlotSvg.render("t", "k", "change", List.of(
                new LinePlotSvg.Series("a&b", new double[] {0, 1, 2}, "#111", false),
                new LinePlotSvg.Series("random", new double[] {0, 0.5, 1}, "#222", true)));

        assertThat(HtmlReportWriterTest.count(svg, "<polyline")).isEqualTo(2);
        assertThat(svg).contains(">a&amp;b</text>", "stroke-dasharray");
    }
}
