package dev.explainunit.cli;

import java.util.concurrent.Callable;
import org.apiguardian.api.API;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code explainunit} command line. Bad arguments or files print one line on stderr and exit
 * with code 2, never a stack trace; a mistyped option or command is named with the valid names it
 * most likely stands for ({@code unknown option --modle; did you mean --model?}). Without a subcommand it prints the usage on stderr and exits
 * with code 2.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@Command(name = "explainunit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Sanity checks for explanation methods of recurrent networks (Arras et al. 2019).",
        subcommands = {
                CommandLine.HelpCommand.class,
                ReproduceCommand.class,
                ExplainCommand.class,
                BenchCommand.class,
                TrainCommand.class,
                ZooCommand.class,
                CheckCommand.class,
        })
public final class ExplainUnitCommand implements Callable<Integer> {

    /** Exit code for bad arguments, unreadable or malformed files. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand given: a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE_ERROR;
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, with one-line error handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ExplainUnitCommand());
        cl.setParameterExceptionHandler((ex, arguments) -> {
            String message = UnmatchedArguments.describe(ex).orElseGet(() -> ex.getMessage()
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            ex.getCommandLine().getErr().println("explainunit: " + message);
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException) {
                commandLine.getErr().println("explainunit: " + ex.getMessage());
                return USAGE_ERROR;
            }
            commandLine.getErr().println("explainunit: internal error: " + ex
                    + " (please report it with the command that caused it)");
            return 3;
        });
        return cl;
    }
}
