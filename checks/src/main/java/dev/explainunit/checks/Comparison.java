package dev.explainunit.checks;

import org.apiguardian.api.API;

/** How a check compares its decisive statistic with its threshold. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public enum Comparison {

    /** Passes when the statistic is at least the threshold (correlation, mass, selectivity, ...). */
    AT_LEAST(">=", "<"),

    /** Passes when the statistic is at most the threshold (conservation error, rank correlation). */
    AT_MOST("<=", ">"),

    /** The check has no threshold (the contract, a check that was not evaluated). */
    NONE("", "");

    private final String symbol;
    private final String failing;

    Comparison(String symbol, String failing) {
        this.symbol = symbol;
        this.failing = failing;
    }

    /** {@code ">="}, {@code "<="}, or {@code ""} for {@link #NONE}. */
    public String symbol() {
        return symbol;
    }

    /** The relation of a failing statistic to its threshold: {@code "<"} for {@link #AT_LEAST}, {@code ">"} for {@link #AT_MOST}. */
    public String failing() {
        return failing;
    }

    /**
     * The comparison of {@code symbol}.
     *
     * @throws IllegalArgumentException naming the symbol and the known ones
     */
    public static Comparison of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown comparison [" + symbol + "]; known: >=, <= and none (\"\")");
    }
}
