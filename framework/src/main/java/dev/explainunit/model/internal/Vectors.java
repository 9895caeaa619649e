package dev.explainunit.model.internal;

import org.apiguardian.api.API;

/**
 * The vector loops every product of the model's passes is made of: sums of scaled weight columns
 * or rows, {@code out[j] += Σ_k v_k · M_k[j]}, with each element's terms added one at a time for
 * k ascending (the order of a row sum) and nothing fused. Every array is read from index 0: the JIT
 * of JDK 17 vectorises a loop only when every array in it is indexed by the loop variable itself.
 * Nothing here allocates; {@code out} arguments are modified.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Vectors {

    private Vectors() {
    }

    /**
     * out[j] += Σ_k v[vAt + k] · vectors[k][j] for k &lt; count and j &lt; n, four vectors per pass
     * over {@code out} ({@code out[j] + a + b + c + d} adds left to right, the same as four passes).
     */
    public static void addScaled(double[][] vectors, int count, double[] v, int vAt, double[] out, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            addFourScaled(vectors[k], vectors[k + 1], vectors[k + 2], vectors[k + 3], v[vAt + k], v[vAt + k + 1],
                    v[vAt + k + 2], v[vAt + k + 3], out, n);
        }
        for (; k < count; k++) {
            addOneScaled(vectors[k], v[vAt + k], out, n);
        }
    }

    /**
     * {@link #addScaled} for several products side by side: product p adds
     * Σ_k v[p][vAt[p] + k] · vectors[k] to {@code out[p]}. A block of four vectors is read from the
     * second-level cache for the first product and from the first-level cache for the others, so
     * a layer's weights are read once per step for a group of inputs instead of once per input.
     * One product per pass over j: the JIT of JDK 17 vectorises a loop that writes one array always,
     * one that writes two only sometimes.
     */
    public static void addScaled(double[][] vectors, int count, double[][] v, int[] vAt, double[][] out,
                                 int products, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            double[] m0 = vectors[k];
            double[] m1 = vectors[k + 1];
            double[] m2 = vectors[k + 2];
            double[] m3 = vectors[k + 3];
            for (int p = 0; p < products; p++) {
                double[] vp = v[p];
                int a = vAt[p] + k;
                addFourScaled(m0, m1, m2, m3, vp[a], vp[a + 1], vp[a + 2], vp[a + 3], out[p], n);
            }
        }
        for (; k < count; k++) {
            for (int p = 0; p < products; p++) {
                addOneScaled(vectors[k], v[p][vAt[p] + k], out[p], n);
            }
        }
    }

    /** out[j] = out[j] + m0[j]·v0 + m1[j]·v1 + m2[j]·v2 + m3[j]·v3 for j &lt; n, added left to right. */
    static void addFourScaled(double[] m0, double[] m1, double[] m2, double[] m3, double v0, double v1, double v2,
                              double v3, double[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] = out[j] + m0[j] * v0 + m1[j] * v1 + m2[j] * v2 + m3[j] * v3;
        }
    }

    /** out[j] += m[j]·v for j &lt; n. */
    static void addOneScaled(double[] m, double v, double[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] += m[j] * v;
        }
    }

    /** out[e] += x[e] · row[e] · a + b for e &lt; row.length: a row's share of an ε-rule redistribution. */
    static void addWeightedRow(double[] row, double[] x, double a, double b, double[] out) {
        for (int e = 0; e < row.length; e++) {
            out[e] += x[e] * row[e] * a + b;
        }
    }

    /** Four {@link #addWeightedRow}s in one loop, each element's four terms added left to right in row order. */
    static void addFourWeightedRows(double[] w0, double[] w1, double[] w2, double[] w3, double[] u, double a0,
                                    double a1, double a2, double a3, double b0, double b1, double b2, double b3,
                                    double[] out) {
        for (int e = 0; e < w0.length; e++) {
            double ue = u[e];
            out[e] = out[e] + (ue * w0[e] * a0 + b0) + (ue * w1[e] * a1 + b1) + (ue * w2[e] * a2 + b2)
                    + (ue * w3[e] * a3 + b3);
        }
    }
}
