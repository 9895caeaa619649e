package dev.explainunit.zoo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.explainunit.model.CellKind;
import dev.explainunit.model.RecurrentNetwork;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The architecture of a zoo's toy models: a unidirectional stack of {@code layers} recurrent layers
 * of one cell kind with H = {@code hidden} units each, and a linear output without bias on the last
 * layer's final state. Recorded in every {@code index.json} as
 * {@code "architecture" : {"cell" : "lstm", "layers" : 1, "hidden" : 1}}.
 *
 * @param cell   {@code "lstm"} or {@code "gru"} ({@link CellKind#id()})
 * @param layers L, at least 1
 * @param hidden H, units per layer, at least 1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
@JsonIgnoreProperties(ignoreUnknown = true)
public record Architecture(String cell, int layers, int hidden) {

    /** The paper's toy model (A.4): one LSTM layer with a single unit. */
    public static final Architecture PAPER = new Architecture(CellKind.LSTM.id(), 1, 1);

    /** @throws IllegalArgumentException naming the value out of range */
    public Architecture {
        if (cell == null || kindOf(cell) == null) {
            throw new IllegalArgumentException("unknown cell [" + cell + "]; known cells: lstm, gru");
        }
        cell = kindOf(cell).id();
        if (layers < 1 || hidden < 1) {
            throw new IllegalArgumentException("an architecture needs layers >= 1 and hidden >= 1, got layers="
                    + layers + ", hidden=" + hidden);
        }
    }

    /** The architecture of {@code kind} with L = {@code layers} and H = {@code hidden}. */
    public static Architecture of(CellKind kind, int layers, int hidden) {
        return new Architecture(kind.id(), layers, hidden);
    }

    /**
     * The architecture of {@code model}.
     *
     * @throws IllegalArgumentException if the model is bidirectional (a toy architecture is not)
     */
    public static Architecture of(RecurrentNetwork model) {
        if (model.isBidirectional()) {
            throw new IllegalArgumentException("a toy architecture is unidirectional; the model is " + model);
        }
        return of(model.cellKind(), model.layerCount(), model.hiddenSize());
    }

    private static CellKind kindOf(String id) {
        for (CellKind kind : CellKind.values()) {
            if (kind.id().equalsIgnoreCase(id.strip())) {
                return kind;
            }
        }
        return null;
    }

    /** The cell kind. */
    public CellKind cellKind() {
        return kindOf(cell);
    }

    /** This architecture with H = {@code newHidden}. */
    public Architecture withHidden(int newHidden) {
        return new Architecture(cell, layers, newHidden);
    }

    /**
     * Whether {@code model} has this architecture and the toy output: unidirectional, this cell,
     * L and H, one output, no output bias.
     */
    public boolean matches(RecurrentNetwork model) {
        return !model.isBidirectional() && model.cellKind() == cellKind() && model.layerCount() == layers
                && model.hiddenSize() == hidden && model.outputSize() == 1 && !model.hasFcBias();
    }

    /** E.g. "1-layer LSTM, H = 1", "2-layer GRU, H = 4". */
    public String describe() {
        return String.format(Locale.ROOT, "%d-layer %s, H = %d", layers, cellKind(), hidden);
    }
}
