package dev.explainunit.process.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.internal.StallLimit;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * One explainer child process speaking protocol {@value #PROTOCOL} (src/docs/process-protocol.md)
 * over its stdin and stdout. Used by one thread at a time; {@link #kill} may come from any thread.
 *
 * <p>Every exchange is watched: while a call waits for the child, the {@link Watchdog} kills the
 * child when the call's deadline passes, when the calling thread is interrupted, or when that
 * thread has died, so a blocked read always ends. Every started child is registered until it is
 * gone, and a JVM shutdown hook kills those still alive (with their descendants).
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ExplainerProcess {

    /** The protocol version this side speaks. */
    public static final int PROTOCOL = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXIT_WAIT_MILLIS = 1000;

    private final String commandLine;
    private final Process process;
    private final OutputStream toChild;
    private final ChildOutput fromChild;
    private final StderrTail stderr;
    private final Set<Integer> models = new HashSet<>();
    private Handshake handshake;
    private byte[] bytes = new byte[1 << 12];

    private volatile Thread caller;
    private volatile long deadline;
    private volatile String limit;
    private volatile String waitingFor;
    private volatile String killedBecause;
    private volatile boolean killedForInterrupt;

    private ExplainerProcess(String commandLine, Process process) {
        this.commandLine = commandLine;
        this.process = process;
        this.toChild = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
        this.fromChild = new ChildOutput(process.getInputStream());
        this.stderr = new StderrTail(process.getErrorStream(), "explainunit-stderr-" + process.pid());
        Watchdog.register(this);
    }

    /**
     * Starts {@code command} in {@code directory} (null: the current one) and exchanges hellos.
     *
     * @throws ProcessFault if it cannot be started or does not complete the handshake within {@code limit};
     *                      the child is then gone
     */
    public static ExplainerProcess start(List<String> command, File directory, Duration limit) throws ProcessFault {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(directory).start();
        } catch (IOException | RuntimeException e) {
            throw new ProcessFault("could not be started: " + e.getMessage(), true, false, List.of());
        }
        ExplainerProcess child = new ExplainerProcess(String.join(" ", command), process);
        try {
            child.handshake = child.hello(limit);
        } catch (ProcessFault fault) {
            child.kill(null);
            throw fault;
        }
        return child;
    }

    /** What the child said about itself. */
    public Handshake handshake() {
        return handshake;
    }

    /** The child's process id. */
    public long pid() {
        return process.pid();
    }

    /** Whether the child is still running and was not killed. */
    public boolean usable() {
        return killedBecause == null && process.isAlive();
    }

    private Handshake hello(Duration limit) throws ProcessFault {
        ObjectNode request = JSON.createObjectNode().put("type", "hello").put("protocol", PROTOCOL);
        JsonNode reply = exchange("the handshake", limit.toNanos(), request.toString(), 0, "hello", header -> 0);
        int protocol = reply.path("protocol").asInt(-1);
        if (protocol != PROTOCOL) {
            throw protocolFault("answered the handshake with protocol [" + reply.path("protocol") + "]; this side speaks "
                    + PROTOCOL);
        }
        JsonNode id = reply.path("id");
        JsonNode maxBatch = reply.path("maxBatch");
        if (!id.isTextual() || id.asText().isBlank() || !maxBatch.canConvertToInt() || maxBatch.asInt() < 1) {
            throw protocolFault("answered the handshake without a non-empty \"id\" and a \"maxBatch\" of at least 1: ["
                    + reply + "]");
        }
        return new Handshake(id.asText(), maxBatch.asInt(), reply.path("regression").asBoolean(true),
                reply.path("classification").asBoolean(true));
    }

    /**
     * Explains {@code inputs[from, to)} of the model numbered {@code model} (sent from {@code file}
     * first if this child has not had it) into {@code out[from, to)} (modified). All inputs have the
     * same dimension.
     *
     * @param limitPerInput the time the child may take for one input (and to load a model)
     * @param stall         what earlier requests of the explainer took: the request may take
     *                      {@link StallLimit#limit(long, int)}, and adds its own time when answered
     */
    public void explain(int model, Path file, List<Sequence> inputs, int[] targets, int from, int to,
                        Duration limitPerInput, StallLimit stall, Relevance[] out) throws ProcessFault {
        int count = to - from;
        StallLimit.Limit limit = stall.limit(limitPerInput.toNanos(), count);
        if (!models.contains(model)) {
            ObjectNode request = JSON.createObjectNode().put("type", "model").put("model", model)
                    .put("path", file.toAbsolutePath().toString());
            JsonNode reply = exchange("the model " + model, limitPerInput.toNanos(), request.toString(), 0, "ready",
                    header -> 0);
            if (reply.path("model").asInt(-1) != model) {
                throw protocolFault("answered the model " + model + " with [" + reply + "]");
            }
            models.add(model);
        }
        int dim = inputs.get(from).dim();
        int[] lengths = new int[count];
        long steps = 0;
        StringBuilder header = new StringBuilder(80 + 8 * count).append("{\"type\":\"explain\",\"model\":").append(model)
                .append(",\"dim\":").append(dim).append(",\"lengths\":[");
        for (int k = 0; k < count; k++) {
            lengths[k] = inputs.get(from + k).length();
            steps += lengths[k];
            header.append(k == 0 ? "" : ",").append(lengths[k]);
        }
        header.append("],\"targets\":[");
        for (int k = 0; k < count; k++) {
            header.append(k == 0 ? "" : ",").append(targets[from + k]);
        }
        int payload = Math.toIntExact(8 * steps * dim);
        header.append("],\"bytes\":").append(payload).append('}');
        ensureBytes(payload);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[] row = new double[Math.toIntExact(maxLength(lengths) * (long) dim)];
        for (int k = 0; k < count; k++) {
            Sequence x = inputs.get(from + k);
            x.copyTo(row);
            buffer.asDoubleBuffer().put(row, 0, lengths[k] * dim);
            buffer.position(buffer.position() + 8 * lengths[k] * dim);
        }
        long finalSteps = steps;
        String what = count == 1 ? "an explain request" : "an explain request of " + count + " inputs";
        long started = System.nanoTime();
        JsonNode reply = exchange(what, limit.nanos(), limit.words(), header.toString(), payload, "relevance",
                h -> 8 * (finalSteps * (h.path("perInput").asBoolean() ? dim : 1) + (h.path("rest").asBoolean() ? count : 0)));
        stall.returned(System.nanoTime() - started, count);
        decode(reply, lengths, dim, from, out);
    }

    private void decode(JsonNode reply, int[] lengths, int dim, int from, Relevance[] out) {
        boolean perInput = reply.path("perInput").asBoolean();
        boolean hasRest = reply.path("rest").asBoolean();
        ByteBuffer data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int width = perInput ? dim : 1;
        long total = 0;
        for (int length : lengths) {
            total += (long) length * width;
        }
        for (int k = 0; k < lengths.length; k++) {
            double[] values = new double[lengths[k] * width];
            data.asDoubleBuffer().get(values);
            data.position(data.position() + 8 * values.length);
            Relevance r = perInput ? Relevance.perInput(lengths[k], dim, values) : Relevance.perStep(values);
            out[from + k] = hasRest ? r.withRest(data.getDouble(Math.toIntExact(8 * (total + k)))) : r;
        }
    }

    /**
     * Sends a header line and {@code payload} bytes of {@link #bytes}, then reads the reply of type
     * {@code expected} and its payload into {@link #bytes}; {@code payloadSize} gives the payload
     * size the reply must announce. The whole exchange is watched with {@code limitNanos}.
     */
    private JsonNode exchange(String what, long limitNanos, String header, int payload, String expected,
                              java.util.function.ToLongFunction<JsonNode> payloadSize) throws ProcessFault {
        return exchange(what, limitNanos, Watchdog.describe(limitNanos), header, payload, expected, payloadSize);
    }

    /** As above; {@code limitWords} says what the limit is in the message of a child killed for missing it. */
    private JsonNode exchange(String what, long limitNanos, String limitWords, String header, int payload,
                              String expected, java.util.function.ToLongFunction<JsonNode> payloadSize)
            throws ProcessFault {
        arm(what, limitNanos, limitWords);
        try {
            toChild.write(header.getBytes(StandardCharsets.UTF_8));
            toChild.write('\n');
            toChild.write(bytes, 0, payload);
            toChild.flush();
            String line = fromChild.readLine();
            if (line == null) {
                throw lost(what);
            }
            JsonNode reply = parse(line, what);
            String type = reply.path("type").asText();
            if (type.equals("error")) {
                if (reply.path("bytes").asLong(0) != 0) {
                    throw protocolFault("answered " + what + " with an error that carries a payload: [" + line + "]");
                }
                stderr.settle(200);
                throw new ProcessFault("reported an error on " + what + ": " + reply.path("error").asText("(no message)")
                        + traceback(reply.path("detail").asText("")), false, false, stderr.lines());
            }
            if (!type.equals(expected)) {
                throw protocolFault("answered " + what + " with a message of type [" + type + "], expected [" + expected
                        + "] or [error]: [" + abbreviate(line) + "]");
            }
            long announced = reply.path("bytes").asLong(0);
            long size = payloadSize.applyAsLong(reply);
            if (announced != size) {
                throw protocolFault("answered " + what + " with " + announced + " payload bytes, expected " + size
                        + " for [" + abbreviate(line) + "]");
            }
            ensureBytes(Math.toIntExact(size));
            fromChild.readFully(bytes, (int) size);
            return reply;
        } catch (ChildOutput.NotAMessage garbage) {
            throw protocolFault("answered " + what + " with something that is not a protocol message: ["
                    + garbage.getMessage() + "]");
        } catch (IOException e) {
            throw lost(what);
        } finally {
            disarm();
        }
    }

    private static JsonNode parse(String line, String what) throws ChildOutput.NotAMessage {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject() && node.path("type").isTextual()) {
                return node;
            }
        } catch (JsonProcessingException notJson) {
            // reported below with the line itself
        }
        throw new ChildOutput.NotAMessage(abbreviate(line));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + " …";
    }

    /** The last lines of a traceback sent with an error, indented. */
    private static String traceback(String detail) {
        if (detail.isBlank()) {
            return "";
        }
        List<String> lines = Arrays.asList(detail.stripTrailing().split("\n"));
        List<String> tail = lines.subList(Math.max(0, lines.size() - 12), lines.size());
        return "\n  " + String.join("\n  ", tail);
    }

    /** The child broke the protocol: it is killed, as nothing it says next can be trusted. */
    private ProcessFault protocolFault(String description) {
        kill(null);
        stderr.awaitEnd(EXIT_WAIT_MILLIS);
        return new ProcessFault(description, true, false, stderr.lines());
    }

    /** The child's output ended or broke during {@code what}: it was killed, or it exited. */
    private ProcessFault lost(String what) {
        String killed = killedBecause;
        String description;
        if (killed != null) {
            description = killed;
        } else {
            boolean exited = waitFor(EXIT_WAIT_MILLIS);
            description = exited ? "exited with code " + process.exitValue() + " during " + what
                    : "closed its standard output during " + what;
            kill(null);
        }
        stderr.awaitEnd(EXIT_WAIT_MILLIS);
        return new ProcessFault(description, true, killedForInterrupt, stderr.lines());
    }

    private boolean waitFor(long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void arm(String what, long limitNanos, String limitWords) {
        waitingFor = what;
        limit = limitWords;
        deadline = System.nanoTime() + limitNanos;
        caller = Thread.currentThread();
    }

    private void disarm() {
        caller = null;
    }

    /** Called by the watchdog: kills the child if the waiting call is overdue, interrupted or abandoned. */
    void watch(long now) {
        Thread waiting = caller;
        if (waiting == null) {
            return;
        }
        if (now - deadline > 0) {
            kill("did not answer " + waitingFor + " within " + limit + " and was killed");
        } else if (waiting.isInterrupted()) {
            killedForInterrupt = true;
            kill("was killed during " + waitingFor + " because the calling thread was interrupted");
        } else if (!waiting.isAlive()) {
            kill("was killed during " + waitingFor + " because the calling thread ended");
        }
    }

    /**
     * Kills the child and its descendants at once; {@code reason} (if not null, and the first given)
     * becomes the description of the call that waits for it.
     */
    public void kill(String reason) {
        if (reason != null && killedBecause == null) {
            killedBecause = reason;
        } else if (killedBecause == null) {
            killedBecause = "was killed";
        }
        destroyTree();
    }

    private void destroyTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Watchdog.unregister(this);
    }

    /**
     * Asks the child to leave (a bye message, then end of its stdin) without waiting; see
     * {@link #awaitExit}.
     */
    public void requestExit() {
        try {
            toChild.write("{\"type\":\"bye\"}\n".getBytes(StandardCharsets.UTF_8));
            toChild.flush();
        } catch (IOException gone) {
            // it has gone already or stopped reading; awaitExit kills it
        }
        try {
            toChild.close();
        } catch (IOException gone) {
            // as above
        }
    }

    /** Waits until {@code deadlineNanos} for the child to exit, then kills it and its descendants. */
    public void awaitExit(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            waitFor(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        if (killedBecause == null) {
            killedBecause = "was closed";
        }
        destroyTree();
    }

    /** Kills every child still registered; for the JVM's shutdown. */
    static void killAll(Iterable<ExplainerProcess> children) {
        List<ExplainerProcess> copy = new ArrayList<>();
        children.forEach(copy::add);
        for (ExplainerProcess child : copy) {
            child.kill("was killed because the JVM is shutting down");
        }
    }

    private void ensureBytes(int size) {
        if (bytes.length < size) {
            bytes = new byte[Math.max(size, 2 * bytes.length)];
        }
    }

    private static int maxLength(int[] lengths) {
        int max = 0;
        for (int length : lengths) {
            max = Math.max(max, length);
        }
        return max;
    }

    @Override
    public String toString() {
        return "[" + commandLine + "] pid " + process.pid();
    }
}
