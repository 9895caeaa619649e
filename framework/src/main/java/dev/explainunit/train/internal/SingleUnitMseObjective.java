package dev.explainunit.train.internal;

import dev.explainunit.model.Activations;
import org.apiguardian.api.API;

/**
 * The same loss and gradient as {@link NetworkMseObjective}, unrolled for the paper's toy model: one
 * LSTM layer, H = 1, D = 2 (17 parameters). The parameters sit in local variables and the gradient
 * is accumulated in locals. A specialised copy of the general objective, kept because
 * {@code TrainingBenchmark} measures it 1.55 to 2.4 times faster on the toy training workload
 * (src/docs/training.md); {@code MseObjectivesTest} pins it to the general objective.
 *
 * <p>The activations are {@link Activations#sigmoid} and {@link Activations#tanh}, the ones the
 * model's single-unit passes use.
 *
 * <p>Not thread-safe: one instance holds one run's workspaces and allocates nothing per call.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SingleUnitMseObjective implements MseLoss {

    private static final int COUNT = 17;
    private static final int LANES = 4;

    private final SequenceBatch batch;
    private final double[] gi;
    private final double[] gf;
    private final double[] gg;
    private final double[] go;
    private final double[] cPrev;
    private final double[] hPrev;
    private final double[] tanhC;
    private final double[] laneC = new double[LANES];
    private final double[] laneH = new double[LANES];
    private final double[] laneDh = new double[LANES];
    private final double[] laneDc = new double[LANES];

    public SingleUnitMseObjective(SequenceBatch batch) {
        if (batch.dim() != 2) {
            throw new IllegalArgumentException("the single-unit loss reads 2 inputs per step, the batch has "
                    + batch.dim());
        }
        this.batch = batch;
        int steps = batch.maxLength() * LANES;
        gi = new double[steps];
        gf = new double[steps];
        gg = new double[steps];
        go = new double[steps];
        cPrev = new double[steps];
        hPrev = new double[steps];
        tanhC = new double[steps];
    }

    /** Whether this specialisation applies to a layout. */
    public static boolean supports(NetworkParameters layout) {
        return layout.cell() == dev.explainunit.model.CellKind.LSTM && layout.layers() == 1 && layout.hidden() == 1
                && layout.inputs() == 2;
    }

    @Override
    public int dimension() {
        return COUNT;
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient);
    }

    /**
     * Layout of θ as in {@link NetworkParameters}: W_ih rows i, f, g, o (2 each), W_hh (4), b (4), fc (1).
     * Up to {@value #LANES} consecutive sequences of equal length (the batch is sorted by length)
     * run side by side, so that the processor overlaps their independent dependency chains.
     */
    private double evaluate(double[] theta, double[] gradient) {
        final double wi0 = theta[0], wi1 = theta[1], wf0 = theta[2], wf1 = theta[3];
        final double wg0 = theta[4], wg1 = theta[5], wo0 = theta[6], wo1 = theta[7];
        final double ui = theta[8], uf = theta[9], ug = theta[10], uo = theta[11];
        final double bi = theta[12], bf = theta[13], bg = theta[14], bo = theta[15];
        final double v = theta[16];
        double awi0 = 0, awi1 = 0, awf0 = 0, awf1 = 0, awg0 = 0, awg1 = 0, awo0 = 0, awo1 = 0;
        double aui = 0, auf = 0, aug = 0, auo = 0, abi = 0, abf = 0, abg = 0, abo = 0, av = 0;
        final int[] start = batch.start;
        final double[] x = batch.inputs;
        final double[] y = batch.targets;
        final int size = batch.size;
        final double scale = 2.0 / size;
        final double[] c = laneC;
        final double[] h = laneH;
        final double[] dh = laneDh;
        final double[] dc = laneDc;
        double sum = 0;
        int n = 0;
        while (n < size) {
            final int first = start[n];
            final int length = start[n + 1] - first;
            int lanes = 1;
            while (lanes < LANES && n + lanes < size && start[n + lanes + 1] - start[n + lanes] == length) {
                lanes++;
            }
            for (int l = 0; l < lanes; l++) {
                c[l] = 0;
                h[l] = 0;
            }
            for (int s = 0; s < length; s++) {
                for (int l = 0; l < lanes; l++) {
                    int xi = 2 * (first + l * length + s);
                    double x0 = x[xi];
                    double x1 = x[xi + 1];
                    double hp = h[l];
                    double i = Activations.sigmoid(bi + wi0 * x0 + wi1 * x1 + ui * hp);
                    double f = Activations.sigmoid(bf + wf0 * x0 + wf1 * x1 + uf * hp);
                    double g = Activations.tanh(bg + wg0 * x0 + wg1 * x1 + ug * hp);
                    double o = Activations.sigmoid(bo + wo0 * x0 + wo1 * x1 + uo * hp);
                    int k = s * LANES + l;
                    cPrev[k] = c[l];
                    hPrev[k] = hp;
                    double cell = f * c[l] + i * g;
                    double tc = Activations.tanh(cell);
                    c[l] = cell;
                    h[l] = o * tc;
                    gi[k] = i;
                    gf[k] = f;
                    gg[k] = g;
                    go[k] = o;
                    tanhC[k] = tc;
                }
            }
            for (int l = 0; l < lanes; l++) {
                double error = v * h[l] - y[n + l];
                sum += error * error;
                double weight = scale * error;
                av += weight * h[l];
                dh[l] = weight * v;
                dc[l] = 0;
            }
            if (gradient != null) {
                for (int s = length - 1; s >= 0; s--) {
                    for (int l = 0; l < lanes; l++) {
                        int k = s * LANES + l;
                        double i = gi[k];
                        double f = gf[k];
                        double g = gg[k];
                        double o = go[k];
                        double tc = tanhC[k];
                        double cellGrad = dc[l] + dh[l] * o * (1 - tc * tc);
                        double dzi = cellGrad * g * i * (1 - i);
                        double dzf = cellGrad * cPrev[k] * f * (1 - f);
                        double dzg = cellGrad * i * (1 - g * g);
                        double dzo = dh[l] * tc * o * (1 - o);
                        dc[l] = cellGrad * f;
                        dh[l] = ui * dzi + uf * dzf + ug * dzg + uo * dzo;
                        int xi = 2 * (first + l * length + s);
                        double x0 = x[xi];
                        double x1 = x[xi + 1];
                        double hp = hPrev[k];
                        awi0 += dzi * x0;
                        awi1 += dzi * x1;
                        awf0 += dzf * x0;
                        awf1 += dzf * x1;
                        awg0 += dzg * x0;
                        awg1 += dzg * x1;
                        awo0 += dzo * x0;
                        awo1 += dzo * x1;
                        aui += dzi * hp;
                        auf += dzf * hp;
                        aug += dzg * hp;
                        auo += dzo * hp;
                        abi += dzi;
                        abf += dzf;
                        abg += dzg;
                        abo += dzo;
                    }
                }
            }
            n += lanes;
        }
        if (gradient != null) {
            gradient[0] = awi0;
            gradient[1] = awi1;
            gradient[2] = awf0;
            gradient[3] = awf1;
            gradient[4] = awg0;
            gradient[5] = awg1;
            gradient[6] = awo0;
            gradient[7] = awo1;
            gradient[8] = aui;
            gradient[9] = auf;
            gradient[10] = aug;
            gradient[11] = auo;
            gradient[12] = abi;
            gradient[13] = abf;
            gradient[14] = abg;
            gradient[15] = abo;
            gradient[16] = av;
        }
        return sum / size;
    }
}
