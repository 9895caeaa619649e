package dev.explainunit.lstm;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * The one LSTM cell of ExplainUnit (paper appendix A.1, PyTorch {@code nn.LSTM}, gate order i, f,
 * g, o): its forward step, its backward step and its two activations. Inference ({@link Lstm}),
 * the explainers and the trainers' objectives all run this arithmetic, so a model computes the
 * same numbers wherever it runs.
 *
 * <pre>
 *   forward:   z_t = b + W_ih x_t + W_hh h_{t−1}           (b = b_ih + b_hh; summed in this order)
 *              i = σ(z_i)  f = σ(z_f)  g = tanh(z_g)  o = σ(z_o)
 *              c_t = f ⊙ c_{t−1} + i ⊙ g                  h_t = o ⊙ tanh(c_t)
 *   backward:  given δh_t = ∂L/∂h_t and the carried δc (= δc_{t+1} ⊙ f_{t+1}, 0 at t = T):
 *              δc_t = δc + δh_t ⊙ o ⊙ (1 − tanh² c_t)
 *              δz_i = δc_t ⊙ g ⊙ i(1−i)    δz_f = δc_t ⊙ c_{t−1} ⊙ f(1−f)
 *              δz_g = δc_t ⊙ i ⊙ (1−g²)    δz_o = δh_t ⊙ tanh c_t ⊙ o(1−o)
 *              δx_t += W_ihᵀ δz            δh_{t−1} = W_hhᵀ δz        carried δc = δc_t ⊙ f
 *   parameters: ∂L/∂W_ih += δz x_tᵀ     ∂L/∂W_hh += δz h_{t−1}ᵀ     ∂L/∂b += δz
 * </pre>
 *
 * Weights are row-major with gate rows j = gate·H + unit: W_ih is 4H × D, W_hh 4H × H, b 4H; each
 * comes as an array and the offset where it starts, so a flat parameter vector θ (training) and a
 * {@link LstmDirection}'s arrays (inference) use the same code. States are rows of H values in
 * caller-owned arrays. A single-unit cell (H = 1, the toy models) takes a path unrolled over the
 * four gates that computes the same sums in the same order, bit for bit. Nothing here allocates.
 *
 * <p>The passes over a recorded {@link DirectionTrace} with H &gt; 1 ({@link #forward},
 * {@link #inputGradient}, {@link #forwardStepsReadingRecordedInput}) compute every matrix product
 * as a sum of scaled vectors, {@code out[j] += v_k · M_k[j]} for k ascending, over the columns and
 * rows that {@link LstmDirection} keeps as arrays of their own, so that the inner loop over j runs
 * in vector instructions: W_ih x and W_hh h from the columns, W_ihᵀ δz and W_hhᵀ δz from the rows.
 * Each output element still gets the same terms in the same order as the row sums of the one-step
 * methods, and nothing is fused (no multiply-add), so both give the same bits;
 * {@code LstmCellSideBySideTest} pins them to each other. A chain also sums b + W_ih x_t of all its
 * steps before the recurrence (the trace keeps them): the first terms of z do not depend on h.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LstmCell {

    private LstmCell() {
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /**
     * tanh(x) in double precision without {@link Math#tanh} (on JDK 17 not an intrinsic, and the
     * forward pass spends most of its time here):
     *
     * <pre>
     *   |x| &lt; 1/16:  x · (1 − x²/3 + 2x⁴/15 − 17x⁶/315 + 62x⁸/2835 − 1382x¹⁰/155925
     *                    + 21844x¹²/6081075 − 929569x¹⁴/638512875)      (Taylor series to x¹⁵)
     *   otherwise:  sign(x) · (1 − e^{−2|x|}) / (1 + e^{−2|x|})         (with the intrinsic Math.exp)
     * </pre>
     *
     * Below 1/16 the omitted terms are below 6e-4 · x¹⁶ ≤ 4e-23 relative and the Horner sum keeps
     * the relative error near one rounding (≤ 3e-16), where 1 − e^{−2|x|} would cancel; from 1/16
     * up the error of e (≤ 1 ulp) is amplified at most 8.5 times: ≤ 1.3e-15 relative. The series
     * also saves an exponential on small arguments, which single-unit models see at most steps.
     * Training, inference and every explainer compute tanh with this one function, or with
     * {@link #tanhOfLayer}, its bits without the branch; it is the tanh of version 0.1's inference,
     * so the bundled toy models are explained with 0.1's arithmetic.
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        return a < SERIES_LIMIT ? tanhSeries(x) : tanhFromExponential(x, Math.exp(-2 * a));
    }

    /**
     * {@link #tanh}(x), bit for bit, without a branch on |x|: both forms are computed and the one
     * for |x| is selected. For the units of a layer (H &gt; 1), whose arguments fall on both sides
     * of 1/16 in no predictable order, so that {@link #tanh}'s branch would be mispredicted about as
     * often as it is taken; a single unit's arguments mostly stay on one side, where the branch
     * saves the exponential.
     */
    public static double tanhOfLayer(double x) {
        double exponentialForm = tanhFromExponential(x, Math.exp(-2 * Math.abs(x)));
        double series = tanhSeries(x);
        return Math.abs(x) < SERIES_LIMIT ? series : exponentialForm;
    }

    /**
     * out[j] = {@link #tanhOfLayer}(x[j]) for j in [from, to), given e[j] = e^{−2|x[j]|}, bit for
     * bit, in a loop the JIT runs in vector instructions (a select or a branch on |x| keeps it
     * scalar, and a branch is mispredicted on a layer's units). Both forms are computed and blended
     * by m ∈ {0, 1}:
     *
     * <pre>
     *   xc = max(−1/16, min(1/16, x))        (x where the series is taken, ±1/16 elsewhere)
     *   m  = 1 − ⌊16 |xc|⌋                   (1 exactly where |x| &lt; 1/16, else 0; NaN for NaN)
     *   out = m · series(xc) + (1 − m) · ((1 − e)/(1 + e) · 16 xc)
     * </pre>
     *
     * Where m = 1 the second term is a zero with the sign of x, which leaves series(x) unchanged
     * (−0 included); where m = 0 the first is a zero and 16 xc = ±1 gives the sign of x exactly.
     * All arrays are read and written at index j, which the JIT of JDK 17 needs to vectorise.
     */
    static void tanhOfLayers(double[] x, double[] e, double[] out, int from, int to) {
        for (int j = from; j < to; j++) {
            double v = x[j];
            double xc = Math.max(-SERIES_LIMIT, Math.min(SERIES_LIMIT, v));
            double m = 1 - Math.floor(SERIES_SCALE * Math.abs(xc));
            double t = (1 - e[j]) / (1 + e[j]);
            out[j] = m * tanhSeries(xc) + (1 - m) * (t * (SERIES_SCALE * xc));
        }
    }

    /** Below this magnitude {@link #tanh} takes the Taylor series, from it up the exponential form. */
    static final double SERIES_LIMIT = 0.0625;
    /** 1 / {@link #SERIES_LIMIT}, a power of 2, so that scaling by it is exact. */
    private static final double SERIES_SCALE = 16;

    /** {@link #tanh}'s Taylor series, for |x| &lt; {@link #SERIES_LIMIT}. */
    static double tanhSeries(double x) {
        double x2 = x * x;
        return x * (1 + x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875))))))));
    }

    /** {@link #tanh}'s exponential form, given e = e^{−2|x|}, for |x| ≥ {@link #SERIES_LIMIT}. */
    static double tanhFromExponential(double x, double e) {
        double t = (1 - e) / (1 + e);
        return x < 0 ? -t : t;
    }

    // ---------------------------------------------------------------- forward

    /**
     * {@code count} forward steps of the cell of {@code w}, one after another: step v reads its
     * input at {@code x[xAt + v·xStride ..]}, its state h, c at {@code prevAt + v·H} and writes it at
     * {@code nextAt + v·H}, its gates (and pre-activations) at {@code gateAt + v·4H} and tanh(c) at
     * {@code tanhAt + v·H}; otherwise as the one-step {@link #forwardStep(int, int, double[], int,
     * double[], int, double[], int, double[], int, double[], double[], int, int, double[], double[],
     * int, double[], int)}. With {@code nextAt = prevAt + H} the steps form a chain (one pass over
     * time, {@code xStride} = ±D); with disjoint state banks they are {@code count} independent
     * recurrences advanced by one step side by side (occlusion's variants, {@code xStride} = 0).
     * The loop over the steps sits inside the cell, so a caller pays one call per batch of steps
     * whether or not the JIT inlines the cell into it.
     */
    public static void forwardSteps(LstmDirection w, int count, double[] x, int xAt, int xStride, double[] h,
                                    double[] c, int prevAt, int nextAt, double[] z, double[] gate, int gateAt,
                                    double[] tanhC, int tanhAt) {
        if (w.hiddenSize() == 1) {
            forwardStepsSingleUnit(count, w.inputSize(), w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, xAt, xStride, h,
                    c, prevAt, nextAt, z, gate, gateAt, tanhC, tanhAt);
        } else {
            forwardStepsGeneral(count, w.hiddenSize(), w.inputSize(), w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, xAt,
                    xStride, h, c, prevAt, nextAt, z, gate, gateAt, tanhC, tanhAt);
        }
    }

    /**
     * One forward step. Reads x_t from {@code x[xAt .. xAt + D)} ({@code x == null}: a zero input)
     * and h_{t−1}, c_{t−1} from {@code h, c} at {@code prevAt}; writes h_t, c_t at {@code nextAt}
     * (modified), the 4H gate activations at {@code gate[gateAt ..]} and, when {@code z} is not
     * null, the pre-activations at {@code z[gateAt ..]} (both modified), and tanh(c_t) at
     * {@code tanhC[tanhAt ..]} (modified). {@code prevAt} and {@code nextAt} may not overlap.
     */
    public static void forwardStep(int hidden, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                   double[] bias, int biasAt, double[] x, int xAt, double[] h, double[] c,
                                   int prevAt, int nextAt, double[] z, double[] gate, int gateAt,
                                   double[] tanhC, int tanhAt) {
        if (hidden == 1) {
            forwardStepsSingleUnit(1, inputs, wih, wihAt, whh, whhAt, bias, biasAt, x, xAt, 0, h, c, prevAt, nextAt,
                    z, gate, gateAt, tanhC, tanhAt);
        } else {
            forwardStepGeneral(hidden, inputs, wih, wihAt, whh, whhAt, bias, biasAt, x, xAt, h, c, prevAt, nextAt,
                    z, gate, gateAt, tanhC, tanhAt);
        }
    }

    /**
     * {@link #forwardSteps} for {@code count} steps that all read the same input, processing step
     * {@code step} of the pass {@link #forward} recorded in {@code recorded} ({@code step} &lt; 0: a
     * zero input): its b + W_ih x is taken from the record instead of being summed again, so the
     * steps cost only their W_hh h. Same arithmetic as {@link #forwardSteps}, bit for bit; no
     * pre-activations are written. Uses {@code recorded}'s scratch (its record stays). Occlusion
     * advances its variants with it.
     *
     * @throws IllegalArgumentException if H = 1 (a single-unit pass records no b + W_ih x)
     */
    public static void forwardStepsReadingRecordedInput(LstmDirection w, int count, DirectionTrace recorded, int step,
                                                        double[] h, double[] c, int prevAt, int nextAt,
                                                        double[] gate, int gateAt, double[] tanhC, int tanhAt) {
        int hidden = w.hiddenSize();
        if (hidden == 1) {
            throw new IllegalArgumentException("a single-unit direction records no input projections; use forwardSteps");
        }
        int rows = 4 * hidden;
        double[] projection = step < 0 ? w.bias : recorded.projection[step];
        for (int v = 0; v < count; v++) {
            System.arraycopy(projection, 0, recorded.sum, 0, rows);
            recurrentStep(w, recorded.sum, recorded.units, h, c, prevAt + v * hidden, nextAt + v * hidden, null,
                    gate, gateAt + v * rows, tanhC, tanhAt + v * hidden);
        }
    }

    /**
     * out[j] += Σ_k v[vAt + k] · vectors[k][j] for j &lt; n (out modified), the terms of each
     * element added one at a time for k ascending. Four vectors per pass over {@code out}:
     * {@code out[j] + a + b + c + d} adds left to right, the same as four passes. Every array is
     * read from index 0, so the JIT vectorises the loop over j.
     */
    private static void addScaled(double[][] vectors, int count, double[] v, int vAt, double[] out, int n) {
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
     * out[j] = out[j] + m0[j]·v0 + m1[j]·v1 + m2[j]·v2 + m3[j]·v3 for j &lt; n (out modified), added
     * left to right: the same as four passes of {@link #addOneScaled}. Every array is read from
     * index 0, so the JIT vectorises the loop. The kernel of every product by columns or rows, of
     * one input ({@link #addScaled}) or of several side by side ({@link LstmLanes}).
     */
    static void addFourScaled(double[] m0, double[] m1, double[] m2, double[] m3, double v0, double v1, double v2,
                              double v3, double[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] = out[j] + m0[j] * v0 + m1[j] * v1 + m2[j] * v2 + m3[j] * v3;
        }
    }

    /** out[j] += m[j]·v for j &lt; n (out modified). */
    static void addOneScaled(double[] m, double v, double[] out, int n) {
        for (int j = 0; j < n; j++) {
            out[j] += m[j] * v;
        }
    }

    /**
     * out[j] = Σ_k W_hh[j][k] · h[hAt + k] for the first {@code rows} gate rows j (out modified,
     * from index 0), each summed from 0 over k ascending as a row sum would, in vector instructions.
     */
    public static void recurrentProduct(LstmDirection w, int rows, double[] h, int hAt, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        addScaled(w.recurrentColumns, w.hiddenSize(), h, hAt, out, rows);
    }

    /**
     * out[j] = Σ_d W_ih[j][d] · x[xAt + d] for the first {@code rows} gate rows j (out modified,
     * from index 0), each summed from 0 over d ascending as a row sum would, in vector instructions.
     */
    public static void inputProduct(LstmDirection w, int rows, double[] x, int xAt, double[] out) {
        Arrays.fill(out, 0, rows, 0.0);
        addScaled(w.inputColumns, w.inputSize(), x, xAt, out, rows);
    }

    /**
     * {@link #addScaled} for two vectors v, u at once, into {@code out} and {@code outU}: each
     * column is read once for both (the input projections of two steps), each element's terms
     * still added for k ascending.
     */
    private static void addScaledTwice(double[][] vectors, int count, double[] v, int vAt, int uAt, double[] out,
                                       double[] outU, int n) {
        int k = 0;
        for (; k + 3 < count; k += 4) {
            double v0 = v[vAt + k];
            double v1 = v[vAt + k + 1];
            double v2 = v[vAt + k + 2];
            double v3 = v[vAt + k + 3];
            double u0 = v[uAt + k];
            double u1 = v[uAt + k + 1];
            double u2 = v[uAt + k + 2];
            double u3 = v[uAt + k + 3];
            double[] m0 = vectors[k];
            double[] m1 = vectors[k + 1];
            double[] m2 = vectors[k + 2];
            double[] m3 = vectors[k + 3];
            for (int j = 0; j < n; j++) {
                double w0 = m0[j];
                double w1 = m1[j];
                double w2 = m2[j];
                double w3 = m3[j];
                out[j] = out[j] + w0 * v0 + w1 * v1 + w2 * v2 + w3 * v3;
                outU[j] = outU[j] + w0 * u0 + w1 * u1 + w2 * u2 + w3 * u3;
            }
        }
        for (; k < count; k++) {
            double vk = v[vAt + k];
            double uk = v[uAt + k];
            double[] m = vectors[k];
            for (int j = 0; j < n; j++) {
                out[j] += m[j] * vk;
                outU[j] += m[j] * uk;
            }
        }
    }

    /**
     * The rest of a forward step whose b + W_ih x is in {@code sum} (4H, modified): adds W_hh h
     * for h at {@code h[prevAt ..]}, stores the pre-activations in {@code z[gateAt ..]} when
     * {@code z} is not null and their activations in {@code gate[gateAt ..]}; writes h, c at
     * {@code nextAt} and tanh c at {@code tanhC[tanhAt ..]} (all modified); the elementwise part in
     * the vector loops of {@code units}.
     */
    private static void recurrentStep(LstmDirection w, double[] sum, UnitSteps units, double[] h, double[] c,
                                      int prevAt, int nextAt, double[] z, double[] gate, int gateAt, double[] tanhC,
                                      int tanhAt) {
        int hidden = w.hiddenSize();
        addScaled(w.recurrentColumns, hidden, h, prevAt, sum, 4 * hidden);
        units.forward(hidden, sum, z, gate, gateAt, c, prevAt, nextAt, tanhC, tanhAt, h);
    }

    /** {@link #forwardSteps} for any H: {@link #forwardStepGeneral} per step. */
    static void forwardStepsGeneral(int count, int hidden, int inputs, double[] wih, int wihAt, double[] whh,
                                    int whhAt, double[] bias, int biasAt, double[] x, int xAt, int xStride,
                                    double[] h, double[] c, int prevAt, int nextAt, double[] z, double[] gate,
                                    int gateAt, double[] tanhC, int tanhAt) {
        for (int v = 0; v < count; v++) {
            forwardStepGeneral(hidden, inputs, wih, wihAt, whh, whhAt, bias, biasAt, x, xAt + v * xStride, h, c,
                    prevAt + v * hidden, nextAt + v * hidden, z, gate, gateAt + v * 4 * hidden, tanhC,
                    tanhAt + v * hidden);
        }
    }

    /** {@link #forwardStep} for any H (package-private so that tests pin the H = 1 path to it). */
    static void forwardStepGeneral(int hidden, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                   double[] bias, int biasAt, double[] x, int xAt, double[] h, double[] c,
                                   int prevAt, int nextAt, double[] z, double[] gate, int gateAt,
                                   double[] tanhC, int tanhAt) {
        int rows = 4 * hidden;
        // four rows at a time (4H is a multiple of 4): four independent sums, each in the order
        // bias, W_ih x (d ascending), W_hh h (k ascending), so the processor overlaps them
        for (int j = 0; j < rows; j += 4) {
            double s0 = bias[biasAt + j];
            double s1 = bias[biasAt + j + 1];
            double s2 = bias[biasAt + j + 2];
            double s3 = bias[biasAt + j + 3];
            if (x != null) {
                int w0 = wihAt + j * inputs;
                int w1 = w0 + inputs;
                int w2 = w1 + inputs;
                int w3 = w2 + inputs;
                for (int d = 0; d < inputs; d++) {
                    double xd = x[xAt + d];
                    s0 += wih[w0 + d] * xd;
                    s1 += wih[w1 + d] * xd;
                    s2 += wih[w2 + d] * xd;
                    s3 += wih[w3 + d] * xd;
                }
            }
            int u0 = whhAt + j * hidden;
            int u1 = u0 + hidden;
            int u2 = u1 + hidden;
            int u3 = u2 + hidden;
            for (int k = 0; k < hidden; k++) {
                double hk = h[prevAt + k];
                s0 += whh[u0 + k] * hk;
                s1 += whh[u1 + k] * hk;
                s2 += whh[u2 + k] * hk;
                s3 += whh[u3 + k] * hk;
            }
            if (z != null) {
                z[gateAt + j] = s0;
                z[gateAt + j + 1] = s1;
                z[gateAt + j + 2] = s2;
                z[gateAt + j + 3] = s3;
            }
            gate[gateAt + j] = activation(j, hidden, s0);
            gate[gateAt + j + 1] = activation(j + 1, hidden, s1);
            gate[gateAt + j + 2] = activation(j + 2, hidden, s2);
            gate[gateAt + j + 3] = activation(j + 3, hidden, s3);
        }
        for (int k = 0; k < hidden; k++) {
            int at = gateAt + k;
            double i = gate[at];
            double f = gate[at + hidden];
            double g = gate[at + 2 * hidden];
            double o = gate[at + 3 * hidden];
            double cell = f * c[prevAt + k] + i * g;
            double tc = tanhOfLayer(cell);
            c[nextAt + k] = cell;
            tanhC[tanhAt + k] = tc;
            h[nextAt + k] = o * tc;
        }
    }

    /** Gate row j's activation: tanh for the g block (rows 2H .. 3H), σ for i, f and o. */
    private static double activation(int j, int hidden, double z) {
        return j >= 2 * hidden && j < 3 * hidden ? tanhOfLayer(z) : sigmoid(z);
    }

    /**
     * {@link #forwardSteps} for H = 1, unrolled over the four gates: per step the sums of
     * {@link #forwardStepGeneral} in the same order, so the two paths agree bit for bit.
     */
    static void forwardStepsSingleUnit(int count, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                       double[] bias, int biasAt, double[] x, int xAt, int xStride, double[] h,
                                       double[] c, int prevAt, int nextAt, double[] z, double[] gate, int gateAt,
                                       double[] tanhC, int tanhAt) {
        // in a chain (nextAt = prevAt + 1) step v's h_{t−1}, c_{t−1} are step v − 1's results:
        // carried in locals, so that the recurrence does not wait on a store and a reload
        boolean chain = nextAt == prevAt + 1;
        double hCarried = h[prevAt];
        double cCarried = c[prevAt];
        for (int v = 0; v < count; v++) {
            // weights are read where used: Math.exp clobbers every floating-point register, so
            // values kept in registers across the five activations would be spilled and reloaded
            double zi = bias[biasAt];
            double zf = bias[biasAt + 1];
            double zg = bias[biasAt + 2];
            double zo = bias[biasAt + 3];
            if (x != null) {
                int xv = xAt + v * xStride;
                for (int d = 0; d < inputs; d++) {
                    double xd = x[xv + d];
                    zi += wih[wihAt + d] * xd;
                    zf += wih[wihAt + inputs + d] * xd;
                    zg += wih[wihAt + 2 * inputs + d] * xd;
                    zo += wih[wihAt + 3 * inputs + d] * xd;
                }
            }
            double hPrev = chain ? hCarried : h[prevAt + v];
            zi += whh[whhAt] * hPrev;
            zf += whh[whhAt + 1] * hPrev;
            zg += whh[whhAt + 2] * hPrev;
            zo += whh[whhAt + 3] * hPrev;
            double i = sigmoid(zi);
            double f = sigmoid(zf);
            double g = tanh(zg);
            double o = sigmoid(zo);
            double cell = f * (chain ? cCarried : c[prevAt + v]) + i * g;
            double tc = tanh(cell);
            int at = gateAt + 4 * v;
            if (z != null) {
                z[at] = zi;
                z[at + 1] = zf;
                z[at + 2] = zg;
                z[at + 3] = zo;
            }
            gate[at] = i;
            gate[at + 1] = f;
            gate[at + 2] = g;
            gate[at + 3] = o;
            double hNext = o * tc;
            c[nextAt + v] = cell;
            tanhC[tanhAt + v] = tc;
            h[nextAt + v] = hNext;
            hCarried = hNext;
            cCarried = cell;
        }
    }

    /**
     * Runs direction {@code w} over the row-major input {@code x} (T × D) from h_0 = c_0 = 0 and
     * records the pass in {@code trace} (modified, grown if needed); the reverse direction reads
     * x_{T−1−s} at step s.
     */
    public static void forward(LstmDirection w, double[] x, int length, boolean reversed, DirectionTrace trace) {
        forward(w, x, length, reversed, trace, true);
    }

    /** {@link #forward}; with {@code singleUnitPath} false H = 1 takes the general path. */
    static void forward(LstmDirection w, double[] x, int length, boolean reversed, DirectionTrace trace,
                        boolean singleUnitPath) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        trace.ensureCapacity(length);
        double[] h = trace.h;
        double[] c = trace.c;
        for (int k = 0; k < hidden; k++) {
            c[k] = 0;
            h[k] = 0;
        }
        int first = reversed ? (length - 1) * inputs : 0;
        int stride = reversed ? -inputs : inputs;
        trace.ensureScratch(inputs);
        if (hidden == 1 && singleUnitPath) {
            forwardStepsSingleUnit(length, inputs, w.weightIh, 0, w.weightHh, 0, w.bias, 0, x, first, stride, h, c, 0,
                    1, trace.z, trace.gate, 0, trace.tanhC, 0);
        } else {
            int rows = 4 * hidden;
            double[] sum = trace.sum;
            double[][] projection = trace.projection;
            int s = 0;
            for (; s + 1 < length; s += 2) {
                System.arraycopy(w.bias, 0, projection[s], 0, rows);
                System.arraycopy(w.bias, 0, projection[s + 1], 0, rows);
                addScaledTwice(w.inputColumns, inputs, x, first + s * stride, first + (s + 1) * stride,
                        projection[s], projection[s + 1], rows);
            }
            if (s < length) {
                System.arraycopy(w.bias, 0, projection[s], 0, rows);
                addScaled(w.inputColumns, inputs, x, first + s * stride, projection[s], rows);
            }
            for (s = 0; s < length; s++) {
                System.arraycopy(projection[s], 0, sum, 0, rows);
                recurrentStep(w, sum, trace.units, h, c, s * hidden, (s + 1) * hidden, trace.z, trace.gate, s * rows,
                        trace.tanhC, s * hidden);
            }
        }
    }

    // ---------------------------------------------------------------- backward

    /**
     * One backward step through step s of a recorded pass. On entry {@code dh[dhAt ..]} holds δh_s
     * and {@code dc[dcAt ..]} the carried δc (0 at the last step); on return {@code dh} holds
     * δh_{s−1} = W_hhᵀ δz, {@code dc} the carried δc_s ⊙ f_s and {@code dz[dzAt .. + 4H)} δz (all
     * three modified). When {@code dx} is not null, W_ihᵀ δz is added to {@code dx[dxAt .. + D)}
     * (modified). Reads the gate activations at {@code gate[gateAt ..]}, tanh c_s at
     * {@code tanhC[tanhAt ..]} and c_{s−1} at {@code c[cPrevAt ..]}. Parameter gradients:
     * {@link #accumulateParameterGradients} with the same δz.
     */
    public static void backwardStep(int hidden, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                    double[] gate, int gateAt, double[] tanhC, int tanhAt, double[] c, int cPrevAt,
                                    double[] dh, int dhAt, double[] dc, int dcAt, double[] dz, int dzAt,
                                    double[] dx, int dxAt) {
        if (hidden == 1) {
            backwardStepSingleUnit(inputs, wih, wihAt, whh, whhAt, gate, gateAt, tanhC, tanhAt, c, cPrevAt, dh, dhAt,
                    dc, dcAt, dz, dzAt, dx, dxAt);
        } else {
            backwardStepGeneral(hidden, inputs, wih, wihAt, whh, whhAt, gate, gateAt, tanhC, tanhAt, c, cPrevAt,
                    dh, dhAt, dc, dcAt, dz, dzAt, dx, dxAt);
        }
    }

    /** {@link #backwardStep} for any H. */
    static void backwardStepGeneral(int hidden, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                    double[] gate, int gateAt, double[] tanhC, int tanhAt, double[] c, int cPrevAt,
                                    double[] dh, int dhAt, double[] dc, int dcAt, double[] dz, int dzAt,
                                    double[] dx, int dxAt) {
        int rows = 4 * hidden;
        gateGradients(hidden, gate, gateAt, tanhC, tanhAt, c, cPrevAt, dh, dhAt, dc, dcAt, dz, dzAt);
        if (dx != null) {
            transposedProduct(rows, inputs, wih, wihAt, dz, dzAt, dx, dxAt, true);
        }
        // δz is complete, so δh_s can be overwritten in place by δh_{s-1}
        transposedProduct(rows, hidden, whh, whhAt, dz, dzAt, dh, dhAt, false);
    }

    /** δz from δh and the carried δc, and the new carried δc (dz, dc modified): the elementwise part of a backward step. */
    static void gateGradients(int hidden, double[] gate, int gateAt, double[] tanhC, int tanhAt, double[] c,
                              int cPrevAt, double[] dh, int dhAt, double[] dc, int dcAt, double[] dz, int dzAt) {
        for (int k = 0; k < hidden; k++) {
            int at = gateAt + k;
            double i = gate[at];
            double f = gate[at + hidden];
            double g = gate[at + 2 * hidden];
            double o = gate[at + 3 * hidden];
            double tc = tanhC[tanhAt + k];
            double dhk = dh[dhAt + k];
            double cellGrad = dc[dcAt + k] + dhk * o * (1 - tc * tc);
            dz[dzAt + k] = cellGrad * g * i * (1 - i);
            dz[dzAt + hidden + k] = cellGrad * c[cPrevAt + k] * f * (1 - f);
            dz[dzAt + 2 * hidden + k] = cellGrad * i * (1 - g * g);
            dz[dzAt + 3 * hidden + k] = dhk * tc * o * (1 - o);
            dc[dcAt + k] = cellGrad * f;
        }
    }

    /**
     * {@link #backwardStepGeneral} through step s of the pass recorded in {@code trace}, its
     * products W_ihᵀ δz and W_hhᵀ δz as sums of W's rows scaled by δz_j ({@link #addScaled}; per
     * element the terms of {@link #transposedProduct} in its order, from 0): δh and δc in the
     * trace's scratch carry from step to step; W_ihᵀ δz, summed in the trace's scratch, is added
     * to {@code dx[dxAt .. + D)} (modified).
     */
    private static void backwardStepByRows(LstmDirection w, DirectionTrace trace, int s, double[] dx, int dxAt) {
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        int rows = 4 * hidden;
        double[] dz = trace.dz;
        double[] dh = trace.dh;
        double[] sum = trace.sum;
        trace.units.backward(hidden, trace, s);
        Arrays.fill(sum, 0, inputs, 0.0);
        addScaled(w.inputRows, rows, dz, 0, sum, inputs);
        for (int d = 0; d < inputs; d++) {
            dx[dxAt + d] += sum[d];
        }
        // δz is complete, so δh_s can be overwritten by δh_{s-1}
        Arrays.fill(dh, 0, hidden, 0.0);
        addScaled(w.recurrentRows, rows, dz, 0, dh, hidden);
    }

    /**
     * out[outAt + d] (+)= Σ_j W[j][d] · v[vAt + j] for W = {@code w} at {@code wAt}, rows × cols row-major:
     * added when {@code add}, else stored (out modified). Each sum runs from 0 over j ascending;
     * four columns at a time so that their sums overlap and W is read along its rows.
     */
    private static void transposedProduct(int rows, int cols, double[] w, int wAt, double[] v, int vAt, double[] out,
                                          int outAt, boolean add) {
        int d = 0;
        for (; d + 3 < cols; d += 4) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int j = 0; j < rows; j++) {
                double vj = v[vAt + j];
                int at = wAt + j * cols + d;
                s0 += w[at] * vj;
                s1 += w[at + 1] * vj;
                s2 += w[at + 2] * vj;
                s3 += w[at + 3] * vj;
            }
            store(out, outAt + d, s0, add);
            store(out, outAt + d + 1, s1, add);
            store(out, outAt + d + 2, s2, add);
            store(out, outAt + d + 3, s3, add);
        }
        for (; d < cols; d++) {
            double sum = 0;
            for (int j = 0; j < rows; j++) {
                sum += w[wAt + j * cols + d] * v[vAt + j];
            }
            store(out, outAt + d, sum, add);
        }
    }

    private static void store(double[] out, int at, double value, boolean add) {
        if (add) {
            out[at] += value;
        } else {
            out[at] = value;
        }
    }

    /** {@link #backwardStep} for H = 1, unrolled: the same sums in the same order. */
    static void backwardStepSingleUnit(int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                       double[] gate, int gateAt, double[] tanhC, int tanhAt, double[] c,
                                       int cPrevAt, double[] dh, int dhAt, double[] dc, int dcAt, double[] dz,
                                       int dzAt, double[] dx, int dxAt) {
        backwardStepsSingleUnit(1, inputs, wih, wihAt, whh, whhAt, gate, gateAt, tanhC, tanhAt, c, cPrevAt, dh, dhAt,
                dc, dcAt, dz, dzAt, dx, dxAt, 0);
    }

    /**
     * {@code count} backward steps of a single-unit cell through a recorded chain, from its step
     * at the given positions down: backward step v reads the gates at {@code gateAt − 4v}, tanh c
     * at {@code tanhAt − v}, c_{s−1} at {@code cPrevAt − v} and adds to {@code dx} at
     * {@code dxAt + v·dxStride}; δh, δc and δz stay where they are and carry from step to step.
     * Per step exactly {@link #backwardStep}'s arithmetic; the loop sits in the cell so that the
     * pass pays one call, inlined or not.
     */
    static void backwardStepsSingleUnit(int count, int inputs, double[] wih, int wihAt, double[] whh, int whhAt,
                                        double[] gate, int gateAt, double[] tanhC, int tanhAt, double[] c,
                                        int cPrevAt, double[] dh, int dhAt, double[] dc, int dcAt, double[] dz,
                                        int dzAt, double[] dx, int dxAt, int dxStride) {
        double ui = whh[whhAt];
        double uf = whh[whhAt + 1];
        double ug = whh[whhAt + 2];
        double uo = whh[whhAt + 3];
        int wf = wihAt + inputs;
        int wg = wihAt + 2 * inputs;
        int wo = wihAt + 3 * inputs;
        // δh and δc carry from step to step in locals, written back once after the last step
        double dhs = dh[dhAt];
        double dcs = dc[dcAt];
        for (int v = 0; v < count; v++) {
            int at = gateAt - 4 * v;
            double i = gate[at];
            double f = gate[at + 1];
            double g = gate[at + 2];
            double o = gate[at + 3];
            double tc = tanhC[tanhAt - v];
            double cellGrad = dcs + dhs * o * (1 - tc * tc);
            double dzi = cellGrad * g * i * (1 - i);
            double dzf = cellGrad * c[cPrevAt - v] * f * (1 - f);
            double dzg = cellGrad * i * (1 - g * g);
            double dzo = dhs * tc * o * (1 - o);
            dcs = cellGrad * f;
            dz[dzAt] = dzi;
            dz[dzAt + 1] = dzf;
            dz[dzAt + 2] = dzg;
            dz[dzAt + 3] = dzo;
            if (dx != null) {
                int xv = dxAt + v * dxStride;
                for (int d = 0; d < inputs; d++) {
                    dx[xv + d] += wih[wihAt + d] * dzi + wih[wf + d] * dzf + wih[wg + d] * dzg + wih[wo + d] * dzo;
                }
            }
            dhs = ui * dzi + uf * dzf + ug * dzg + uo * dzo;
        }
        dh[dhAt] = dhs;
        dc[dcAt] = dcs;
    }

    /**
     * Adds one step's parameter gradients to {@code grad} (modified): ∂L/∂W_ih += δz x_tᵀ at
     * {@code wihAt}, ∂L/∂W_hh += δz h_{t−1}ᵀ at {@code whhAt}, ∂L/∂b += δz at {@code biasAt}
     * (the one bias stands for b_ih and b_hh, whose gradients are equal). δz at {@code dz[dzAt ..]}
     * from {@link #backwardStep}, x_t at {@code x[xAt ..]}, h_{t−1} at {@code h[hPrevAt ..]}.
     */
    public static void accumulateParameterGradients(int hidden, int inputs, double[] dz, int dzAt, double[] x,
                                                    int xAt, double[] h, int hPrevAt, double[] grad, int wihAt,
                                                    int whhAt, int biasAt) {
        int rows = 4 * hidden;
        for (int j = 0; j < rows; j++) {
            double dzj = dz[dzAt + j];
            grad[biasAt + j] += dzj;
            int wBase = wihAt + j * inputs;
            for (int d = 0; d < inputs; d++) {
                grad[wBase + d] += dzj * x[xAt + d];
            }
            int hBase = whhAt + j * hidden;
            for (int k = 0; k < hidden; k++) {
                grad[hBase + k] += dzj * h[hPrevAt + k];
            }
        }
    }

    /**
     * Back-propagates δh_T = {@code dhLast[dhLastAt .. + H)} through the pass of direction {@code w}
     * recorded in {@code trace} and adds ∂/∂x_{t,d} to {@code dx[t·D + d]} for the original time
     * index t (modified). The trace's backward scratch is used (modified); the forward records stay.
     */
    public static void inputGradient(LstmDirection w, DirectionTrace trace, double[] dhLast, int dhLastAt,
                                     boolean reversed, double[] dx) {
        inputGradient(w, trace, dhLast, dhLastAt, reversed, dx, true);
    }

    /** {@link #inputGradient}; with {@code singleUnitPath} false H = 1 takes the general path. */
    static void inputGradient(LstmDirection w, DirectionTrace trace, double[] dhLast, int dhLastAt,
                              boolean reversed, double[] dx, boolean singleUnitPath) {
        int length = trace.steps;
        int hidden = w.hiddenSize();
        int inputs = w.inputSize();
        double[] dh = trace.dh;
        double[] dc = trace.dc;
        for (int k = 0; k < hidden; k++) {
            dh[k] = dhLast[dhLastAt + k];
            dc[k] = 0;
        }
        if (hidden == 1 && singleUnitPath) {
            int last = length - 1;
            backwardStepsSingleUnit(length, inputs, w.weightIh, 0, w.weightHh, 0, trace.gate, 4 * last, trace.tanhC,
                    last, trace.c, last, dh, 0, dc, 0, trace.dz, 0, dx, reversed ? 0 : last * inputs,
                    reversed ? inputs : -inputs);
            return;
        }
        trace.ensureScratch(inputs);
        for (int s = length - 1; s >= 0; s--) {
            backwardStepByRows(w, trace, s, dx, (reversed ? length - 1 - s : s) * inputs);
        }
    }
}
