package dev.explainunit.sentiment.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.apiguardian.api.API;

/**
 * Principal component analysis of N points in d dimensions, with whitened coordinates (paper
 * Figure 1):
 * <pre>
 *   μ = (1/N) Σ_i x_i,   C = (1/(N−1)) Σ_i (x_i − μ)(x_i − μ)ᵀ = Σ_j λ_j u_j u_jᵀ,   λ_1 ≥ λ_2 ≥ ...
 *   y_ij = (x_i − μ)·u_j / sqrt(λ_j)      (0 where λ_j = 0)
 *   explained_j = 100 · λ_j / trace(C)
 * </pre>
 * so each whitened coordinate has sample variance 1. The sign of u_j is fixed so that its entry
 * of largest magnitude is positive (the first such entry on ties).
 *
 * @param mean        μ
 * @param eigenvalues λ_j, largest first, negative rounding clamped to 0
 * @param components  u_j as rows, same order
 * @param total       trace(C)
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record WhitenedPca(double[] mean, double[] eigenvalues, double[][] components, double total) {

    /**
     * Fits the PCA of {@code points} (N rows of d values, not modified).
     *
     * @throws IllegalArgumentException for fewer than two points or rows of different widths
     */
    public static WhitenedPca fit(double[][] points) {
        int n = points.length;
        if (n < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 points, got [" + n + "]");
        }
        int dim = points[0].length;
        double[] mean = new double[dim];
        for (double[] p : points) {
            if (p.length != dim) {
                throw new IllegalArgumentException("PCA points of different widths [" + p.length + ", " + dim + "]");
            }
            for (int d = 0; d < dim; d++) {
                mean[d] += p[d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= n;
        }
        DMatrixRMaj centred = new DMatrixRMaj(n, dim);
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                centred.unsafe_set(i, d, points[i][d] - mean[d]);
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(dim, dim);
        CommonOps_DDRM.multTransA(centred, centred, covariance);
        CommonOps_DDRM.scale(1.0 / (n - 1), covariance);
        double total = CommonOps_DDRM.trace(covariance);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(dim, true, true);
        if (!eig.decompose(covariance)) {
            throw new IllegalStateException("the eigendecomposition of a " + dim + " x " + dim + " covariance failed");
        }
        Integer[] order = new Integer[dim];
        for (int j = 0; j < dim; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        double[] eigenvalues = new double[dim];
        double[][] components = new double[dim][];
        for (int j = 0; j < dim; j++) {
            eigenvalues[j] = Math.max(0, eig.getEigenvalue(order[j]).real);
            DMatrixRMaj u = eig.getEigenVector(order[j]);
            double norm = CommonOps_DDRM.elementSum(elementSquares(u));
            components[j] = signFixed(u.data, Math.sqrt(norm));
        }
        return new WhitenedPca(mean, eigenvalues, components, total);
    }

    private static DMatrixRMaj elementSquares(DMatrixRMaj u) {
        DMatrixRMaj squares = u.copy();
        CommonOps_DDRM.elementMult(squares, u);
        return squares;
    }

    /** u / norm, negated if needed so that its entry of largest magnitude is positive. */
    private static double[] signFixed(double[] u, double norm) {
        int largest = 0;
        for (int d = 1; d < u.length; d++) {
            if (Math.abs(u[d]) > Math.abs(u[largest])) {
                largest = d;
            }
        }
        double scale = (u[largest] < 0 ? -1 : 1) / norm;
        double[] v = new double[u.length];
        for (int d = 0; d < u.length; d++) {
            v[d] = u[d] * scale;
        }
        return v;
    }

    /** explained_j in % for component j (0-based); 0 beyond the dimension. */
    public double explained(int j) {
        return j >= eigenvalues.length || total == 0 ? 0 : 100 * eigenvalues[j] / total;
    }

    /** The whitened coordinates y_i1, y_i2 of {@code point} on the first two components. */
    public double[] project2d(double[] point) {
        double[] y = new double[2];
        for (int j = 0; j < 2 && j < components.length; j++) {
            double dot = 0;
            for (int d = 0; d < point.length; d++) {
                dot += (point[d] - mean[d]) * components[j][d];
            }
            y[j] = eigenvalues[j] == 0 ? 0 : dot / Math.sqrt(eigenvalues[j]);
        }
        return y;
    }
}
