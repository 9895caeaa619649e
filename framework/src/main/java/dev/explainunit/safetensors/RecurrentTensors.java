package dev.explainunit.safetensors;

import dev.explainunit.model.CellKind;
import dev.explainunit.model.DirectionWeights;
import dev.explainunit.model.RecurrentLayer;
import dev.explainunit.model.RecurrentNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ejml.data.DMatrixRMaj;

/**
 * The recurrent layers and the output layer of a decoded file, PyTorch's names for an {@code nn.LSTM}
 * or {@code nn.GRU} member {@code lstm}, {@code gru} or {@code rnn} (exactly one) and an
 * {@code nn.Linear} member {@code fc}:
 *
 * <pre>
 *   {member}.weight_ih_l{k}   GH x D (layer 0) or GH x F (layer k &gt; 0; F = H, 2H bidirectional)
 *   {member}.weight_hh_l{k}   GH x H      G = 4 (LSTM, blocks i, f, g, o) or 3 (GRU, r, z, n)
 *   {member}.bias_ih_l{k}, {member}.bias_hh_l{k}   GH, optional (zeros)
 *   ..._reverse               the same for the reverse direction of every layer (bidirectional)
 *   fc.weight  C x F          fc.bias  C, optional
 * </pre>
 *
 * The cell kind comes from weight_hh_l0's shape. Layers are l0 .. l{L−1}, all of one kind and one H;
 * a gap, a mixed file, a missing reverse half or a wrong shape is refused naming the tensor.
 */
final class RecurrentTensors {

    static final String FC_WEIGHT = "fc.weight";
    static final String FC_BIAS = "fc.bias";
    static final String REVERSE = "_reverse";
    private static final List<String> KINDS = List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh");
    private static final Pattern RECURRENT = Pattern.compile("(lstm|gru|rnn)\\.(weight_ih|weight_hh|bias_ih|bias_hh)"
            + "_l(0|[1-9][0-9]{0,3})(_reverse)?");

    private RecurrentTensors() {
    }

    /**
     * The network of {@code tensors}, every tensor checked; {@code extra} names the tensors of the
     * caller's kind of file that may stand beside them (e.g. {@code embedding.weight}).
     */
    static RecurrentNetwork network(Map<String, Tensor> tensors, String file, List<String> extra)
            throws MalformedModelException {
        requireFinite(tensors, file);
        String member = member(tensors, file, extra);
        TreeSet<Integer> layerIndices = new TreeSet<>();
        boolean bidirectional = false;
        for (String name : tensors.keySet()) {
            Matcher m = RECURRENT.matcher(name);
            if (m.matches()) {
                layerIndices.add(Integer.parseInt(m.group(3)));
                bidirectional |= m.group(4) != null;
            }
        }
        int layers = layerIndices.last() + 1;
        for (int k = 0; k < layers; k++) {
            if (!layerIndices.contains(k)) {
                int above = layerIndices.higher(k);
                throw new MalformedModelException(file, "tensor '" + anyOfLayer(tensors, member, above)
                        + "' belongs to layer " + above + " but layer " + k + " is missing (tensor '" + member
                        + ".weight_ih_l" + k + "'); layers are numbered 0 .. L−1 without gaps");
            }
        }
        Tensor recurrent0 = require(tensors, member + ".weight_hh_l0", file);
        int[] shape0 = recurrent0.shape();
        CellKind kind = shape0.length == 2 ? CellKind.ofRecurrentShape(shape0[0], shape0[1]) : null;
        if (kind == null) {
            throw new MalformedModelException(file, "tensor '" + recurrent0.name() + "' has shape "
                    + Arrays.toString(shape0) + ", expected [4H, H] (an LSTM) or [3H, H] (a GRU) with H >= 1");
        }
        int hidden = shape0[1];
        int rows = kind.gates() * hidden;
        int features = bidirectional ? 2 * hidden : hidden;
        List<RecurrentLayer> list = new ArrayList<>();
        int inputs = -1;
        for (int k = 0; k < layers; k++) {
            String prefix = member + ".";
            String suffix = "_l" + k;
            if (k == 0) {
                Tensor ih = require(tensors, prefix + "weight_ih" + suffix, file);
                int[] s = ih.shape();
                if (s.length != 2 || s[0] != rows || s[1] < 1) {
                    throw new MalformedModelException(file, "tensor '" + ih.name() + "' has shape "
                            + Arrays.toString(s) + ", expected [" + rows + ", D] with D >= 1");
                }
                inputs = s[1];
            }
            int reads = k == 0 ? inputs : features;
            DirectionWeights forward = direction(tensors, prefix, suffix, kind, hidden, reads, file);
            DirectionWeights reverse = null;
            if (bidirectional) {
                if (!tensors.containsKey(prefix + "weight_ih" + suffix + REVERSE)) {
                    throw new MalformedModelException(file, "tensor '" + prefix + "weight_ih" + suffix + REVERSE
                            + "' is missing (the model is bidirectional: every layer needs its reverse direction)");
                }
                reverse = direction(tensors, prefix, suffix + REVERSE, kind, hidden, reads, file);
            }
            list.add(new RecurrentLayer(forward, reverse));
        }
        Tensor fcWeight = require(tensors, FC_WEIGHT, file);
        if (fcWeight.shape().length != 2 || fcWeight.shape()[0] < 1 || fcWeight.shape()[1] != features) {
            throw new MalformedModelException(file, "tensor '" + FC_WEIGHT + "' has shape "
                    + Arrays.toString(fcWeight.shape()) + ", expected [C, " + features + "] (C >= 1"
                    + (bidirectional ? ", 2H for a bidirectional model)" : ")"));
        }
        int outputs = fcWeight.shape()[0];
        Tensor fcBias = tensors.get(FC_BIAS);
        if (fcBias != null) {
            requireShape(fcBias, file, outputs);
        }
        try {
            return new RecurrentNetwork(list, matrix(fcWeight), fcBias == null ? null : column(fcBias));
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(file, e.getMessage());
        }
    }

    /** The one recurrent member's name; every tensor must be its, fc's or one of {@code extra}. */
    private static String member(Map<String, Tensor> tensors, String file, List<String> extra)
            throws MalformedModelException {
        String member = null;
        for (String name : tensors.keySet()) {
            Matcher m = RECURRENT.matcher(name);
            if (m.matches()) {
                if (member != null && !member.equals(m.group(1))) {
                    throw new MalformedModelException(file, "holds tensors of two recurrent members, '" + member
                            + ".' and '" + m.group(1) + ".' (tensor '" + name + "'); a model has one");
                }
                member = m.group(1);
            } else if (!name.equals(FC_WEIGHT) && !name.equals(FC_BIAS) && !extra.contains(name)) {
                throw new MalformedModelException(file, unexpected(name, extra));
            }
        }
        if (member == null) {
            throw new MalformedModelException(file, "tensor 'lstm.weight_hh_l0' is missing (nor is there a"
                    + " 'gru.' or 'rnn.' member): a model holds an nn.LSTM or nn.GRU named lstm, gru or rnn");
        }
        return member;
    }

    private static String unexpected(String tensor, List<String> extra) {
        String shown = tensor.length() > 80 ? tensor.substring(0, 80) + "..." : tensor;
        List<String> known = new ArrayList<>(extra);
        known.add("lstm.* / gru.* / rnn.* (weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k}, bias_hh_l{k}[_reverse])");
        known.add(FC_WEIGHT);
        known.add(FC_BIAS);
        return "unexpected tensor '" + shown + "'; a model holds only " + String.join(", ", known);
    }

    private static String anyOfLayer(Map<String, Tensor> tensors, String member, int layer) {
        for (String kind : KINDS) {
            for (String suffix : new String[] {"", REVERSE}) {
                String name = member + "." + kind + "_l" + layer + suffix;
                if (tensors.containsKey(name)) {
                    return name;
                }
            }
        }
        return member + ".weight_ih_l" + layer;
    }

    private static void requireFinite(Map<String, Tensor> tensors, String file) throws MalformedModelException {
        for (Tensor t : tensors.values()) {
            double[] v = t.values();
            for (int k = 0; k < v.length; k++) {
                if (!Double.isFinite(v[k])) {
                    throw new MalformedModelException(file, "tensor '" + t.name() + "' holds a non-finite value ("
                            + v[k] + ") at flat index " + k);
                }
            }
        }
    }

    static Tensor require(Map<String, Tensor> tensors, String tensor, String file) throws MalformedModelException {
        Tensor t = tensors.get(tensor);
        if (t == null) {
            throw new MalformedModelException(file, "tensor '" + tensor + "' is missing");
        }
        return t;
    }

    private static DirectionWeights direction(Map<String, Tensor> tensors, String prefix, String suffix,
                                              CellKind kind, int hidden, int inputs, String file)
            throws MalformedModelException {
        int rows = kind.gates() * hidden;
        Tensor ih = require(tensors, prefix + "weight_ih" + suffix, file);
        Tensor hh = require(tensors, prefix + "weight_hh" + suffix, file);
        int[] hhShape = hh.shape();
        if (hhShape.length == 2 && hhShape[1] == hidden && hhShape[0] != rows) {
            CellKind other = CellKind.ofRecurrentShape(hhShape[0], hhShape[1]);
            if (other != null) {
                throw new MalformedModelException(file, "tensor '" + hh.name() + "' has shape "
                        + Arrays.toString(hhShape) + ", the shape of " + other + " cells in a model of " + kind
                        + " cells; the layers of a model are of one kind");
            }
        }
        requireShape(hh, file, rows, hidden);
        requireShape(ih, file, rows, inputs);
        Tensor bih = tensors.get(prefix + "bias_ih" + suffix);
        Tensor bhh = tensors.get(prefix + "bias_hh" + suffix);
        if (bih != null) {
            requireShape(bih, file, rows);
        }
        if (bhh != null) {
            requireShape(bhh, file, rows);
        }
        try {
            return new DirectionWeights(kind, matrix(ih), matrix(hh), bih == null ? null : column(bih),
                    bhh == null ? null : column(bhh));
        } catch (IllegalArgumentException e) {
            throw new MalformedModelException(file, e.getMessage());
        }
    }

    private static void requireShape(Tensor t, String file, int... expected) throws MalformedModelException {
        if (!Arrays.equals(t.shape(), expected)) {
            throw new MalformedModelException(file, "tensor '" + t.name() + "' has shape "
                    + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(expected));
        }
    }

    static DMatrixRMaj matrix(Tensor t) {
        return new DMatrixRMaj(t.shape()[0], t.shape()[1], true, t.values());
    }

    private static DMatrixRMaj column(Tensor t) {
        return new DMatrixRMaj(t.values().length, 1, true, t.values());
    }

    /** The tensors of {@code model} under PyTorch's names ({@code lstm.} or {@code gru.}), in writing order. */
    static List<Tensor> tensors(RecurrentNetwork model) {
        List<Tensor> tensors = new ArrayList<>();
        String prefix = model.cellKind().id() + ".";
        for (int k = 0; k < model.layerCount(); k++) {
            RecurrentLayer layer = model.layer(k);
            addDirection(tensors, layer.forward(), prefix, "_l" + k);
            if (layer.isBidirectional()) {
                addDirection(tensors, layer.reverse(), prefix, "_l" + k + REVERSE);
            }
        }
        tensors.add(tensor(FC_WEIGHT, model.fcWeight(), true));
        if (model.hasFcBias()) {
            tensors.add(tensor(FC_BIAS, model.fcBias(), false));
        }
        return tensors;
    }

    private static void addDirection(List<Tensor> tensors, DirectionWeights d, String prefix, String suffix) {
        tensors.add(tensor(prefix + "weight_ih" + suffix, d.weightIh(), true));
        tensors.add(tensor(prefix + "weight_hh" + suffix, d.weightHh(), true));
        tensors.add(tensor(prefix + "bias_ih" + suffix, d.biasIh(), false));
        tensors.add(tensor(prefix + "bias_hh" + suffix, d.biasHh(), false));
    }

    static Tensor tensor(String name, DMatrixRMaj m, boolean matrix) {
        int[] shape = matrix ? new int[] {m.numRows, m.numCols} : new int[] {m.getNumElements()};
        return new Tensor(name, TensorType.F64, shape, Arrays.copyOf(m.data, m.getNumElements()));
    }
}
