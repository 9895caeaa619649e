package dev.explainunit.lstm;

import dev.explainunit.Sequence;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A deliberately plain LSTM written from paper appendix A.1 with EJML matrix products, sharing no
 * code with {@link Lstm}: the independent computation the fast implementation is tested against.
 */
final class ReferenceLstm {

    private ReferenceLstm() {
    }

    /** f(x) = fc.weight · h_T + fc.bias, h_T = [forward ; reverse] for a bidirectional model. */
    static double[] output(Lstm model, Sequence x) {
        DMatrixRMaj h = finalState(model.forwardDirection(), x, false);
        if (model.isBidirectional()) {
            DMatrixRMaj both = new DMatrixRMaj(2 * h.numRows, 1);
            CommonOps_DDRM.insert(h, both, 0, 0);
            CommonOps_DDRM.insert(finalState(model.reverseDirection(), x, true), both, h.numRows, 0);
            h = both;
        }
        DMatrixRMaj out = new DMatrixRMaj(model.outputSize(), 1);
        CommonOps_DDRM.mult(model.fcWeight(), h, out);
        if (model.hasFcBias()) {
            CommonOps_DDRM.addEquals(out, model.fcBias());
        }
        return out.data;
    }

    /** The hidden state after reading x_1..x_T (or x_T..x_1 when {@code backwards}). */
    static DMatrixRMaj finalState(LstmDirection w, Sequence x, boolean backwards) {
        int hidden = w.hiddenSize();
        DMatrixRMaj h = new DMatrixRMaj(hidden, 1);
        DMatrixRMaj c = new DMatrixRMaj(hidden, 1);
        DMatrixRMaj bias = w.biasIh();
        CommonOps_DDRM.addEquals(bias, w.biasHh());
        for (int s = 0; s < x.length(); s++) {
            int t = backwards ? x.length() - 1 - s : s;
            DMatrixRMaj xt = new DMatrixRMaj(x.dim(), 1);
            for (int d = 0; d < x.dim(); d++) {
                xt.set(d, 0, x.get(t, d));
            }
            DMatrixRMaj z = new DMatrixRMaj(4 * hidden, 1);
            CommonOps_DDRM.mult(w.weightIh(), xt, z);
            CommonOps_DDRM.multAdd(w.weightHh(), h, z);
            CommonOps_DDRM.addEquals(z, bias);
            DMatrixRMaj next = new DMatrixRMaj(hidden, 1);
            DMatrixRMaj cell = new DMatrixRMaj(hidden, 1);
            for (int k = 0; k < hidden; k++) {
                double i = 1 / (1 + Math.exp(-z.get(k, 0)));
                double f = 1 / (1 + Math.exp(-z.get(hidden + k, 0)));
                double g = Math.tanh(z.get(2 * hidden + k, 0));
                double o = 1 / (1 + Math.exp(-z.get(3 * hidden + k, 0)));
                cell.set(k, 0, f * c.get(k, 0) + i * g);
                next.set(k, 0, o * Math.tanh(cell.get(k, 0)));
            }
            h = next;
            c = cell;
        }
        return h;
    }
}
