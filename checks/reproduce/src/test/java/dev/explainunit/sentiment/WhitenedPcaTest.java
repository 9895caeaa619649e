package dev.explainunit.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.sentiment.internal.WhitenedPca;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WhitenedPcaTest {

    /** 300 points in 6-D: a random linear map of independent Gaussians with scales 5, 3, 2, 1, 0.5, 0.1, plus an offset. */
    private static double[][] points() {
        Random random = new Random(11);
        double[] scales = {5, 3, 2, 1, 0.5, 0.1};
        double[][] map = new double[6][6];
        for (double[] row : map) {
            for (int d = 0; d < 6; d++) {
                row[d] = random.nextGaussian();
            }
        }
        double[][] points = new double[300][6];
        for (double[] p : points) {
            double[] z = new double[6];
            for (int j = 0; j < 6; j++) {
                z[j] = scales[j] * random.nextGaussian();
            }
            for (int d = 0; d < 6; d++) {
                p[d] = 7 - d;
                for (int j = 0; j < 6; j++) {
                    p[d] += map[d][j] * z[j];
                }
            }
        }
        return points;
    }

    @Test
    void eigenvalues_components_and_explained_variance_match_a_power_iteration_with_deflation() {
        double[][] x = points();
        double[][] cov = covariance(x);
        double trace = 0;
        for (int d = 0; d < 6; d++) {
            trace += cov[d][d];
        }
        WhitenedPca pca = WhitenedPca.fit(x);
        double[][] deflated = copy(cov);
        for (int j = 0; j < 3; j++) {
            double[] u = powerIteration(deflated);
            double lambda = rayleigh(deflated, u);
            assertThat(pca.eigenvalues()[j]).isCloseTo(lambda, within(1e-8 * lambda));
            double dot = 0;
            for (int d = 0; d < 6; d++) {
                dot += u[d] * pca.components()[j][d];
            }
            assertThat(Math.abs(dot)).isCloseTo(1.0, within(1e-8));
            assertThat(pca.explained(j)).isCloseTo(100 * lambda / trace, within(1e-8));
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    deflated[a][b] -= lambda * u[a] * u[b];
                }
            }
        }
        assertThat(pca.total()).isCloseTo(trace, within(1e-9 * trace));
    }

    @Test
    void whitened_coordinates_have_unit_variance_and_no_correlation() {
        double[][] x = points();
        WhitenedPca pca = WhitenedPca.fit(x);
        List<double[]> y = new ArrayList<>();
        for (double[] p : x) {
            y.add(pca.project2d(p));
        }
        double[][] cov = covariance(y.toArray(double[][]::new));
        assertThat(cov[0][0]).isCloseTo(1.0, within(1e-9));
        assertThat(cov[1][1]).isCloseTo(1.0, within(1e-9));
        assertThat(cov[0][1]).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void each_component_has_its_largest_entry_positive() {
        WhitenedPca pca = WhitenedPca.fit(points());
        for (double[] u : pca.components()) {
            int largest = 0;
            for (int d = 1; d < u.length; d++) {
                largest = Math.abs(u[d]) > Math.abs(u[largest]) ? d : largest;
            }
            assertThat(u[largest]).isPositive();
        }
    }

    @Test
    void projection_reports_pc1_plus_pc2_and_pc3_as_the_caption_does() {
        double[][] x = points();
        WhitenedPca pca = WhitenedPca.fit(x);
        int[] classes = new int[x.length];
        Projection p = Projection.of("avg", List.of(x), classes);
        assertThat(p.explained()).containsExactly(new double[] {pca.explained(0) + pca.explained(1), pca.explained(2)},
                within(1e-12));
        assertThat(p.x()[5]).isCloseTo(pca.project2d(x[5])[0], within(1e-12));
    }

    private static double[][] covariance(double[][] x) {
        int n = x.length;
        int dim = x[0].length;
        double[] mean = new double[dim];
        for (double[] p : x) {
            for (int d = 0; d < dim; d++) {
                mean[d] += p[d] / n;
            }
        }
        double[][] cov = new double[dim][dim];
        for (double[] p : x) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    cov[a][b] += (p[a] - mean[a]) * (p[b] - mean[b]) / (n - 1);
                }
            }
        }
        return cov;
    }

    private static double[] powerIteration(double[][] m) {
        double[] u = new double[m.length];
        java.util.Arrays.fill(u, 1);
        for (int it = 0; it < 5000; it++) {
            double[] next = new double[m.length];
            for (int a = 0; a < m.length; a++) {
                for (int b = 0; b < m.length; b++) {
                    next[a] += m[a][b] * u[b];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(next).map(v -> v * v).sum());
            for (int a = 0; a < m.length; a++) {
                u[a] = next[a] / norm;
            }
        }
        return u;
    }

    private static double rayleigh(double[][] m, double[] u) {
        double s = 0;
        for (int a = 0; a < m.length; a++) {
            for (int b = 0; b < m.length; b++) {
                s += u[a] * m[a][b] * u[b];
            }
        }
        return s;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int a = 0; a < m.length; a++) {
            c[a] = m[a].clone();
        }
        return c;
    }
}
