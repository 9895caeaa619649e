package dev.explainunit.cli;

import dev.explainunit.checks.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one-line message for arguments that picocli could not match, naming the first culprit and
 * the names it most likely stands for: {@code unknown option --modle; did you mean --model?}.
 *
 * <p>picocli finds the arguments: an {@link UnmatchedArgumentException}, or the unmatched
 * arguments behind another error (a mistyped required option is first reported as missing, which
 * hides the cause). Its own suggestions are not used: for options they list every option that
 * shares the first two letters, so {@code --tsk} and {@code --mthod} get none and {@code --sed}
 * gets {@code --seconds} beside {@code --seed}; for commands they rank by shared letter pairs, so
 * {@code nosuch} gets {@code reproduce}. Here a name is suggested as {@link Suggestions} does for
 * every mistyped name of ExplainUnit.
 */
final class UnmatchedArguments {

    private UnmatchedArguments() {
    }

    /** The message for {@code ex} when unmatched arguments caused it, else empty. */
    static Optional<String> describe(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched()
                : cl.getUnmatchedArguments();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        CommandSpec spec = cl.getCommandSpec();
        if (looksLikeOption(unmatched.get(0))) {
            return Optional.of(unknownOptions(spec, unmatched));
        }
        if (!spec.subcommands().isEmpty()) {
            String typed = unmatched.get(0);
            String what = spec.parent() == null ? "command '" + typed + "'"
                    : "subcommand '" + typed + "' of '" + spec.qualifiedName() + "'";
            List<String> close = closest(typed, spec.subcommands().keySet());
            return Optional.of("unknown " + what
                    + (close.isEmpty() ? " (see '" + spec.qualifiedName() + " --help')"
                    : "; did you mean " + String.join(" or ", close) + "?"));
        }
        return Optional.empty();
    }

    /** "unknown option --modle; did you mean --model?", or the list when several are unknown. */
    private static String unknownOptions(CommandSpec spec, List<String> unmatched) {
        Set<String> names = new LinkedHashSet<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        for (String argument : unmatched) {
            if (looksLikeOption(argument)) {
                int equals = argument.indexOf('=');
                unknown.add(equals < 0 ? argument : argument.substring(0, equals));
            }
        }
        List<String> parts = new ArrayList<>();
        for (String option : unknown) {
            List<String> close = closest(option, names);
            parts.add(close.isEmpty() ? option : option + (unknown.size() == 1 ? "; did you mean " : " (did you mean ")
                    + String.join(" or ", close) + (unknown.size() == 1 ? "?" : "?)"));
        }
        String help = " (see '" + spec.qualifiedName() + " --help')";
        if (unknown.size() == 1) {
            return "unknown option " + parts.get(0) + (parts.get(0).endsWith("?") ? "" : help);
        }
        return "unknown options " + String.join(", ", parts) + help;
    }

    /** "-x", "--name", "--name=value"; not a negative number. */
    private static boolean looksLikeOption(String argument) {
        return argument.length() > 1 && argument.startsWith("-") && !argument.matches("-[0-9.].*");
    }

    /** The candidates nearest to {@code typed} ({@link Suggestions#closest}), compared without leading dashes. */
    static List<String> closest(String typed, Iterable<String> candidates) {
        return Suggestions.closest(typed, candidates);
    }
}
