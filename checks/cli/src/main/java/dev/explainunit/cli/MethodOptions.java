package dev.explainunit.cli;

import dev.explainunit.explainers.LrpRule;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Options that only some methods read. Given for another method they would be dropped without a
 * word, and the user would believe the run used them: one warning line on stderr says so instead.
 * LRP's stabiliser and bias factor are the only such options (integrated gradients' 50 steps are
 * fixed).
 */
final class MethodOptions {

    /** The options that only the built-in LRP methods read. */
    static final List<String> LRP = List.of("--eps", "--bias-factor");

    private MethodOptions() {
    }

    /**
     * Warns when the command line of {@code spec} gave one of {@link #LRP} although {@code method}
     * does not read it ({@code readsLrpOptions} false), e.g.
     * {@code explainunit: warning: --eps is ignored: only the built-in LRP methods (lrp-all, ...) read it, not cd}.
     */
    static void warnIfIgnored(CommandSpec spec, String method, boolean readsLrpOptions) {
        if (readsLrpOptions) {
            return;
        }
        ParseResult given = spec.commandLine().getParseResult();
        List<String> ignored = LRP.stream().filter(given::hasMatchedOption).toList();
        if (ignored.isEmpty()) {
            return;
        }
        String lrpMethods = String.join(", ", Arrays.stream(LrpRule.values()).map(LrpRule::id).toList());
        spec.commandLine().getErr().println("explainunit: warning: " + String.join(" and ", ignored)
                + (ignored.size() == 1 ? " is ignored: only the built-in LRP methods (" + lrpMethods + ") read it"
                : " are ignored: only the built-in LRP methods (" + lrpMethods + ") read them")
                + ", not " + method);
        spec.commandLine().getErr().flush();
    }
}
