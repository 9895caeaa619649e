package dev.explainunit.train.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** f(x) = Σ_k (k+1) (x_k − (k − 2))², minimum 0 at x_k = k − 2 (condition number n). */
    private static final class Quadratic implements DifferentiableFunction {
        final int n;
        int evaluations;

        Quadratic(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            evaluations++;
            double f = 0;
            for (int k = 0; k < n; k++) {
                double d = x[k] - (k - 2);
                f += (k + 1) * d * d;
                gradient[k] = 2 * (k + 1) * d;
            }
            return f;
        }
    }

    /** Rosenbrock's function Σ 100 (x_{k+1} − x_k²)² + (1 − x_k)², minimum 0 at (1, ..., 1). */
    private static final class Rosenbrock implements DifferentiableFunction {
        final int n;

        Rosenbrock(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double f = 0;
            java.util.Arrays.fill(gradient, 0);
            for (int k = 0; k + 1 < n; k++) {
                double a = x[k + 1] - x[k] * x[k];
                double b = 1 - x[k];
                f += 100 * a * a + b * b;
                gradient[k] += -400 * a * x[k] - 2 * b;
                gradient[k + 1] += 200 * a;
            }
            return f;
        }
    }

    @Test
    void minimises_an_ill_conditioned_quadratic_to_its_known_minimum() {
        Quadratic f = new Quadratic(17);
        Lbfgs.Result result = new Lbfgs(10, 1000, 1e-10).minimize(f, new double[17], (i, e, x, v) -> true);
        assertThat(result.termination()).isEqualTo(Lbfgs.Termination.GRADIENT_VANISHED);
        for (int k = 0; k < 17; k++) {
            assertThat(result.x()[k]).isCloseTo(k - 2, within(1e-9));
        }
        assertThat(result.value()).isLessThan(1e-18);
        assertThat(result.evaluations()).isEqualTo(f.evaluations);
    }

    @Test
    void minimises_rosenbrock_from_the_classic_start() {
        double[] start = {-1.2, 1.0};
        Lbfgs.Result result = new Lbfgs(10, 2000, 1e-10).minimize(new Rosenbrock(2), start, (i, e, x, v) -> true);
        assertThat(result.x()[0]).isCloseTo(1.0, within(1e-8));
        assertThat(result.x()[1]).isCloseTo(1.0, within(1e-8));
        assertThat(start).containsExactly(-1.2, 1.0);
    }

    @Test
    void minimises_a_ten_dimensional_rosenbrock() {
        double[] start = new double[10];
        for (int k = 0; k < 10; k++) {
            start[k] = k % 2 == 0 ? -1.2 : 1.0;
        }
        Lbfgs.Result result = new Lbfgs(10, 5000, 1e-9).minimize(new Rosenbrock(10), start, (i, e, x, v) -> true);
        assertThat(result.value()).isLessThan(1e-14);
        for (double v : result.x()) {
            assertThat(v).isCloseTo(1.0, within(1e-6));
        }
    }

    @Test
    void monitor_sees_every_iteration_with_decreasing_values_and_can_stop_the_run() {
        double[] last = {Double.POSITIVE_INFINITY};
        int[] calls = {0};
        Lbfgs.Result result = new Lbfgs(5, 1000, 0).minimize(new Rosenbrock(2), new double[] {-1.2, 1},
                (iteration, evaluations, x, value) -> {
                    calls[0]++;
                    assertThat(iteration).isEqualTo(calls[0]);
                    assertThat(value).isLessThan(last[0]);
                    last[0] = value;
                    return iteration < 7;
                });
        assertThat(result.termination()).isEqualTo(Lbfgs.Termination.STOPPED_BY_MONITOR);
        assertThat(result.iterations()).isEqualTo(7);
        assertThat(result.value()).isEqualTo(last[0]);
    }

    @Test
    void evaluation_budget_is_respected() {
        Quadratic f = new Quadratic(50);
        Lbfgs.Result result = new Lbfgs(3, 12, 0).minimize(f, new double[50], (i, e, x, v) -> true);
        assertThat(result.termination()).isEqualTo(Lbfgs.Termination.MAX_EVALUATIONS);
        assertThat(f.evaluations).isLessThanOrEqualTo(12);
    }

    @Test
    void accepted_steps_satisfy_the_strong_wolfe_conditions() {
        Rosenbrock f = new Rosenbrock(2);
        double[] x = {-1.2, 1};
        double[] g = new double[2];
        double f0 = f.valueAndGradient(x, g);
        double[] p = {-g[0], -g[1]};
        double d0 = StrongWolfeLineSearch.dot(g, p);
        double[] xOut = new double[2];
        double[] gOut = new double[2];
        StrongWolfeLineSearch search = new StrongWolfeLineSearch(2);
        for (double alpha1 : new double[] {1e-6, 1e-3, 1, 100}) {
            double step = search.search(f, x, f0, g, p, alpha1, 50, xOut, gOut);
            assertThat(step).as("step from α1 = %s", alpha1).isPositive();
            assertThat(xOut[0]).isCloseTo(x[0] + step * p[0], within(1e-12));
            assertThat(search.value()).isLessThanOrEqualTo(f0 + StrongWolfeLineSearch.C1 * step * d0);
            assertThat(Math.abs(StrongWolfeLineSearch.dot(gOut, p)))
                    .isLessThanOrEqualTo(StrongWolfeLineSearch.C2 * Math.abs(d0));
            double[] check = new double[2];
            assertThat(f.valueAndGradient(xOut, check)).isEqualTo(search.value());
            assertThat(gOut).containsExactly(check);
        }
    }

    @Test
    void cubic_interpolation_finds_the_minimum_of_a_cubic_exactly() {
        // φ(α) = (α − 1)³ − 3(α − 1)... take φ(α) = α³ − 3α with minimiser α = 1
        double a = 0;
        double b = 3;
        double m = StrongWolfeLineSearch.cubicMinimiser(a, a * a * a - 3 * a, 3 * a * a - 3, b, b * b * b - 3 * b,
                3 * b * b - 3);
        assertThat(m).isCloseTo(1.0, within(1e-12));
    }
}
