package dev.explainunit.process;

import dev.explainunit.BatchExplainer;
import dev.explainunit.RecurrentModel;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.internal.StallLimit;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.process.internal.ExplainerProcess;
import dev.explainunit.process.internal.Handshake;
import dev.explainunit.process.internal.ModelFolder;
import dev.explainunit.process.internal.ProcessFault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * An explainer that runs in another process, e.g. a Python attribution method: it starts the
 * command, learns the explainer's id and what it supports from a handshake, hands it each model
 * once (as a safetensors file in a temporary folder) and then inputs and targets, in batches of
 * up to the size the process announced. The protocol is src/docs/process-protocol.md;
 * {@code python/explainunit_bridge.py} is its Python side.
 *
 * <pre>
 *   try (ProcessExplainer explainer = ProcessExplainer.of("python3", "my_explainer.py")) {
 *       Relevance r = explainer.explain(model, input, 0);
 *   }
 * </pre>
 *
 * <p><b>Threads.</b> Calls from several threads at once run in separate processes: a call takes an
 * idle process or starts one, so there are as many processes as concurrent callers, and each
 * keeps the models it was given.
 *
 * <p><b>Faults.</b> A process that cannot be started, breaks the protocol, reports an error, exits,
 * or does not answer within the time limit (default 10 s for one input; a request of n inputs may
 * take twice that plus what n inputs took at the rate of the earlier requests, never more than n
 * times the limit: {@link StallLimit}; the first request is of one input) makes the call
 * throw a {@link ProcessExplainerException} that names the command and quotes the last lines of the
 * process's stderr. A process that broke the protocol, exited or hung is killed; the next call
 * starts a fresh one, until {@value #LOST_PROCESS_BUDGET} processes were lost or the very first
 * handshake failed: from then on every call throws at once with the original message, so a broken
 * command never costs a time limit per call. A call whose thread is interrupted, or that is
 * abandoned by its thread, kills its process.
 *
 * <p><b>Cleanup.</b> {@link #close} asks every process to leave, kills those still running after the
 * grace period (default 2 s) together with their descendants, and deletes the model files; JVM
 * shutdown hooks kill any process still alive and delete the model files left when the JVM exits or
 * is interrupted.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ProcessExplainer implements BatchExplainer, AutoCloseable {

    /** Default time an explainer process may take per input. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
    /** Default time a new process may take to start and answer the handshake. */
    public static final Duration DEFAULT_HANDSHAKE_LIMIT = Duration.ofSeconds(30);
    /** Default time a process has to exit after {@link #close} asked it to. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(2);
    /** Processes that may be lost (exited, hung, broke the protocol) before the explainer gives up. */
    public static final int LOST_PROCESS_BUDGET = 3;

    private final List<String> command;
    private final String commandLine;
    private final Path directory;
    private final Duration timeLimit;
    private final Duration handshakeLimit;
    private final Duration shutdownGrace;

    private final ConcurrentLinkedDeque<ExplainerProcess> idle = new ConcurrentLinkedDeque<>();
    private final Set<ExplainerProcess> started = ConcurrentHashMap.newKeySet();
    private final ModelFolder models = new ModelFolder();
    private final AtomicInteger lost = new AtomicInteger();
    /** What the requests took, in all processes: how long a request of many inputs may take. */
    private final StallLimit stall = new StallLimit();
    private volatile Handshake handshake;
    private volatile ProcessExplainerException broken;
    private volatile boolean closed;

    private ProcessExplainer(Builder builder) {
        this.command = builder.command;
        this.commandLine = String.join(" ", command);
        this.directory = builder.directory;
        this.timeLimit = builder.timeLimit;
        this.handshakeLimit = builder.handshakeLimit;
        this.shutdownGrace = builder.shutdownGrace;
    }

    /**
     * An explainer running {@code command} (the program and its arguments, e.g. {@code "python3",
     * "my_explainer.py"}) with the default limits. Nothing is started before the first use.
     *
     * @throws IllegalArgumentException if the command is empty or has a null or empty word
     */
    public static ProcessExplainer of(String... command) {
        return builder(command).build();
    }

    /** A builder for an explainer running {@code command}, to set limits and the working directory. */
    public static Builder builder(String... command) {
        return new Builder(command);
    }

    /** Settings of a {@link ProcessExplainer}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<String> command;
        private Path directory;
        private Duration timeLimit = DEFAULT_TIME_LIMIT;
        private Duration handshakeLimit = DEFAULT_HANDSHAKE_LIMIT;
        private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;

        private Builder(String... command) {
            if (command == null || command.length == 0) {
                throw new IllegalArgumentException("an explainer process needs a command, e.g. [python3, my_explainer.py]");
            }
            for (String word : command) {
                if (word == null || word.isEmpty()) {
                    throw new IllegalArgumentException("the explainer command " + Arrays.toString(command)
                            + " has a null or empty word");
                }
            }
            this.command = List.of(command);
        }

        /**
         * The time a process may take for one input; a request of n inputs may take twice this plus what n
         * inputs took at the rate of the earlier requests, at most n times this.
         */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = positive(limit, "time limit");
            return this;
        }

        /** The time a new process may take to start and answer the handshake. */
        public Builder handshakeLimit(Duration limit) {
            this.handshakeLimit = positive(limit, "handshake limit");
            return this;
        }

        /** The time a process has to exit after {@link ProcessExplainer#close} before it is killed. */
        public Builder shutdownGrace(Duration grace) {
            if (grace == null || grace.isNegative()) {
                throw new IllegalArgumentException("the shutdown grace must be zero or more, is [" + grace + "]");
            }
            this.shutdownGrace = grace;
            return this;
        }

        /** The working directory of the processes (default: the current directory). */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** The explainer; nothing is started before its first use. */
        public ProcessExplainer build() {
            return new ProcessExplainer(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("the " + what + " must be positive, is [" + d + "]");
            }
            return d;
        }
    }

    /** The command, as given. */
    public List<String> command() {
        return command;
    }

    /**
     * The id the process announced in its handshake (a process is started for it if none ran
     * yet). If the process cannot complete a handshake, the command line stands in for the id, so
     * that reports can name the explainer whose calls then fail with the reason.
     */
    @Override
    public String id() {
        Handshake known = handshake;
        if (known != null) {
            return known.id();
        }
        if (closed || broken != null) {
            return commandLine;
        }
        try {
            return handshake().id();
        } catch (ProcessExplainerException failed) {
            return commandLine;
        }
    }

    /**
     * Starts a process now, unless one is idle, and completes its handshake, so that a command that
     * cannot start is reported before any work is done (e.g. by a command line, as a usage error).
     *
     * @return the id the process announced
     * @throws ProcessExplainerException if no process completes the handshake
     * @throws IllegalStateException     if the explainer was closed
     */
    public String start() {
        return handshake().id();
    }

    /**
     * Whether the process explains {@code model}: an {@link RecurrentNetwork} (its weights are what the process
     * gets) with one output if the process announced regression, two or more if classification.
     *
     * @throws ProcessExplainerException if no process completes the handshake
     */
    @Override
    public boolean supports(RecurrentModel model) {
        if (!(model instanceof RecurrentNetwork)) {
            return false;
        }
        Handshake h = handshake();
        return model.outputSize() == 1 ? h.regression() : h.classification();
    }

    /**
     * Explains {@code input} in one request.
     *
     * @throws IllegalArgumentException  if the model is not an {@link RecurrentNetwork}, the input does not fit it or the target is out of range
     * @throws ProcessExplainerException if the process fails (see the class comment)
     */
    @Override
    public Relevance explain(RecurrentModel model, Sequence input, int target) {
        return explain(model, List.of(requireNonNull(input, "input")), new int[] {target}).get(0);
    }

    /**
     * Explains the inputs in requests of up to the process's announced batch size.
     *
     * @throws IllegalArgumentException  as {@link #explain(RecurrentModel, Sequence, int)}, for any input,
     *                                   or if inputs and targets differ in number
     * @throws ProcessExplainerException if the process fails on any request (see the class comment)
     */
    @Override
    public List<Relevance> explain(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        RecurrentNetwork lstm = requireArguments(model, inputs, targets);
        Relevance[] out = new Relevance[inputs.size()];
        ModelFolder.Entry file = inputs.isEmpty() ? null : models.entry(lstm);
        for (int from = 0; from < inputs.size(); ) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ProcessExplainerException(commandLine, "was not asked: the calling thread is interrupted",
                        List.of(), null);
            }
            ExplainerProcess child = borrow();
            // the first request is of one input, so that a stalled batch is judged by the rate it gives
            int to = Math.min(inputs.size(), from + (stall.observed() ? child.handshake().maxBatch() : 1));
            try {
                child.explain(file.number(), file.file(), inputs, targets, from, to, timeLimit, stall, out);
            } catch (ProcessFault fault) {
                throw failed(child, fault);
            }
            giveBack(child);
            from = to;
        }
        return Arrays.asList(out);
    }

    private RecurrentNetwork requireArguments(RecurrentModel model, List<Sequence> inputs, int[] targets) {
        requireNonNull(model, "model");
        requireNonNull(inputs, "inputs");
        requireNonNull(targets, "targets");
        if (!(model instanceof RecurrentNetwork lstm)) {
            throw new IllegalArgumentException("explainer process [" + commandLine + "] explains LSTM models only (it gets"
                    + " their weights as a safetensors file), not [" + model.getClass().getName() + "]");
        }
        if (inputs.size() != targets.length) {
            throw new IllegalArgumentException("explainer process [" + commandLine + "] got " + inputs.size()
                    + " inputs and " + targets.length + " targets");
        }
        for (int k = 0; k < inputs.size(); k++) {
            Sequence input = requireNonNull(inputs.get(k), "input " + k);
            if (input.dim() != model.inputSize()) {
                throw new IllegalArgumentException("input " + k + " has " + input.dim() + " values per step, the model reads "
                        + model.inputSize());
            }
            if (targets[k] < 0 || targets[k] >= model.outputSize()) {
                throw new IllegalArgumentException("target [" + targets[k] + "] of input " + k + " is outside the model's "
                        + model.outputSize() + " outputs");
            }
        }
        return lstm;
    }

    private static <T> T requireNonNull(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("the " + what + " must not be null");
        }
        return value;
    }

    private Handshake handshake() {
        Handshake known = handshake;
        if (known == null) {
            giveBack(borrow());
            known = handshake;
        }
        return known;
    }

    /** An idle process, or a new one. */
    private ExplainerProcess borrow() {
        if (closed) {
            throw new IllegalStateException("explainer process [" + commandLine + "] was closed");
        }
        ProcessExplainerException failure = broken;
        if (failure != null) {
            throw new ProcessExplainerException(commandLine, failure.description() + " (not restarted)",
                    failure.stderrTail(), failure);
        }
        ExplainerProcess child = idle.pollFirst();
        if (child != null) {
            return child;
        }
        try {
            child = ExplainerProcess.start(command, directory == null ? null : directory.toFile(), handshakeLimit);
        } catch (ProcessFault fault) {
            ProcessExplainerException e = exception(fault);
            if (fault.interrupted() || closed) {
                throw e;  // not the command's fault
            }
            if (handshake == null) {
                broken = e;
            } else {
                countLoss(e);
            }
            throw e;
        }
        started.add(child);
        if (closed) {
            child.kill("was closed");
            throw new IllegalStateException("explainer process [" + commandLine + "] was closed");
        }
        synchronized (this) {
            if (handshake == null) {
                handshake = child.handshake();
            } else if (!handshake.id().equals(child.handshake().id())) {
                child.kill(null);
                started.remove(child);
                broken = new ProcessExplainerException(commandLine, "announced the id [" + child.handshake().id()
                        + "] in a second process, after [" + handshake.id() + "] in the first", List.of(), null);
                throw broken;
            }
        }
        return child;
    }

    private void giveBack(ExplainerProcess child) {
        if (!closed && child.usable()) {
            idle.offerFirst(child);
        } else {
            child.kill(null);
            started.remove(child);
        }
    }

    /** The exception for a failed call; a lost process is forgotten and counted against the budget. */
    private ProcessExplainerException failed(ExplainerProcess child, ProcessFault fault) {
        ProcessExplainerException e = exception(fault);
        if (fault.processLost()) {
            child.kill(null);
            started.remove(child);
            if (!fault.interrupted() && !closed) {
                countLoss(e);
            }
        } else {
            giveBack(child);
        }
        return e;
    }

    private void countLoss(ProcessExplainerException e) {
        if (lost.incrementAndGet() >= LOST_PROCESS_BUDGET && broken == null) {
            broken = new ProcessExplainerException(commandLine, e.description() + "; " + LOST_PROCESS_BUDGET
                    + " processes were lost", e.stderrTail(), e);
        }
    }

    private ProcessExplainerException exception(ProcessFault fault) {
        return new ProcessExplainerException(commandLine, fault.getMessage(), fault.stderrTail(), fault);
    }

    /**
     * Asks every process to leave, kills those still running after the grace period (and their
     * descendants), and deletes the model files. Calls still running fail; later calls throw
     * {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        List<ExplainerProcess> children = List.copyOf(started);
        Set<ExplainerProcess> waiting = Set.copyOf(idle);
        for (ExplainerProcess child : children) {
            if (waiting.contains(child)) {
                child.requestExit();
            } else {
                child.kill("was closed during a call");  // busy in another thread, which then fails
            }
        }
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        children.forEach(child -> child.awaitExit(deadline));
        started.removeAll(children);
        idle.clear();
        models.delete();
    }

    @Override
    public String toString() {
        return "ProcessExplainer[" + commandLine + "]";
    }
}
