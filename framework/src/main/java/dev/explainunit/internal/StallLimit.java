package dev.explainunit.internal;

import org.apiguardian.api.API;

/**
 * How long a call that explains n inputs at once may take before it counts as stalled, given the
 * limit of one call L and what earlier calls of the same explainer took, e nanoseconds for m inputs:
 *
 * <pre>
 *   limit(n) = n · L                              before any call returned (m = 0)
 *   limit(n) = min(n · L, 2 · L + n · e / m)      after
 * </pre>
 *
 * A single input may always take L. A batch that stalls is found within about twice the limit of one
 * call plus what the batch should have taken at the rate already observed, whatever its size (a chunk
 * of 1000 inputs at 10 s per call no longer waits 2.8 hours), while a slow but steady explainer keeps
 * its own pace. Callers make their first call of one input, so that there is a rate to go by.
 * An instance pools what the calls of one explainer took; it is thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class StallLimit {

    private long observedNanos;
    private long observedInputs;

    /** Whether a call has returned, so that there is a rate to go by. */
    public synchronized boolean observed() {
        return observedInputs > 0;
    }

    /** A call of {@code inputs} inputs returned after {@code nanos}. */
    public synchronized void returned(long nanos, int inputs) {
        if (inputs > 0 && nanos >= 0) {
            observedNanos = saturatedAdd(observedNanos, nanos);
            observedInputs += inputs;
        }
    }

    /** A limit, and the same in words for a message ({@link #describe(long, int, long, long)}). */
    public record Limit(long nanos, String words) {
    }

    /** The limit of a call of {@code inputs} inputs, given what the calls that returned took (see the class comment). */
    public synchronized Limit limit(long perCallNanos, int inputs) {
        return new Limit(nanos(perCallNanos, inputs, observedNanos, observedInputs),
                describe(perCallNanos, inputs, observedNanos, observedInputs));
    }

    /**
     * The limit of a call of {@code inputs} inputs, in nanoseconds (see the class comment).
     *
     * @param perCallNanos   the limit of one call of one input, L
     * @param inputs         the inputs of the call, n
     * @param observedNanos  what the calls that returned took together, e
     * @param observedInputs how many inputs they explained, m (0: none returned yet)
     */
    public static long nanos(long perCallNanos, int inputs, long observedNanos, long observedInputs) {
        long most = saturatedMultiply(perCallNanos, inputs);
        if (observedInputs <= 0 || inputs <= 1) {
            return most;
        }
        double expected = (double) observedNanos / observedInputs * inputs;
        double stalled = 2.0 * perCallNanos + expected;
        return stalled >= most ? most : (long) stalled;
    }

    /**
     * The limit in words for a message: "10 s", "200 ms (2 inputs × 100 ms)", or "21 s (twice the
     * limit of 10 s per call, plus 1000 inputs at the 1 ms each that earlier calls took)".
     */
    public static String describe(long perCallNanos, int inputs, long observedNanos, long observedInputs) {
        long limit = nanos(perCallNanos, inputs, observedNanos, observedInputs);
        if (inputs <= 1) {
            return duration(limit);
        }
        if (limit == saturatedMultiply(perCallNanos, inputs)) {
            return duration(limit) + " (" + inputs + " inputs × " + duration(perCallNanos) + ")";
        }
        return duration(limit) + " (twice the limit of " + duration(perCallNanos) + " per call, plus " + inputs
                + " inputs at the " + duration(Math.round((double) observedNanos / observedInputs))
                + " each that earlier calls took)";
    }

    /** "10 s", "2500 ms", "35 s", "350 µs": whole units, the unit chosen so that the number stays readable. */
    public static String duration(long nanos) {
        long micros = Math.round(nanos / 1e3);
        long millis = Math.round(nanos / 1e6);
        if (nanos < 1_000_000L) {
            return micros + " µs";
        }
        if (nanos % 1_000_000_000L == 0 || nanos >= 10_000_000_000L) {
            return Math.round(nanos / 1e9) + " s";
        }
        return millis + " ms";
    }

    private static long saturatedMultiply(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : Long.MAX_VALUE;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
