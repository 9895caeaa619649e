package dev.explainunit.process.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the child's messages: a header line (UTF-8 JSON ending in '\n') and a payload of a given
 * number of bytes. Buffered by hand, unsynchronised: one thread at a time reads.
 */
final class ChildOutput {

    /** Longest header line accepted; anything longer is not a protocol message. */
    static final int MAX_HEADER = 1 << 20;

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;

    ChildOutput(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its '\n', or {@code null} at the end of the stream before any byte.
     *
     * @throws NotAMessage if the line is longer than {@link #MAX_HEADER} or the stream ends inside it
     */
    String readLine() throws IOException {
        byte[] line = null;
        int length = 0;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return null;
                }
                throw new NotAMessage(new String(line, 0, Math.min(length, 200), StandardCharsets.UTF_8)
                        + " (the output ended without a newline)");
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length + chunk > MAX_HEADER) {
                throw new NotAMessage(new String(buffer, start, Math.min(chunk, 200), StandardCharsets.UTF_8)
                        + " (a line of more than " + MAX_HEADER + " bytes)");
            }
            if (line == null && position < limit) {
                position++;
                return new String(buffer, start, chunk, StandardCharsets.UTF_8);
            }
            line = line == null ? new byte[Math.max(256, chunk * 2)] : line;
            if (length + chunk > line.length) {
                line = Arrays.copyOf(line, Math.max(2 * line.length, length + chunk));
            }
            System.arraycopy(buffer, start, line, length, chunk);
            length += chunk;
            if (position < limit) {
                position++;
                return new String(line, 0, length, StandardCharsets.UTF_8);
            }
        }
    }

    /** Reads exactly {@code count} bytes into {@code target} from index 0. */
    void readFully(byte[] target, int count) throws IOException {
        int done = Math.min(count, limit - position);
        System.arraycopy(buffer, position, target, 0, done);
        position += done;
        while (done < count) {
            int n = in.read(target, done, count - done);
            if (n < 0) {
                throw new EOFException("the output ended after " + done + " of " + count + " payload bytes");
            }
            done += n;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    /** The child wrote something that is not a message; the text quotes what it wrote. */
    static final class NotAMessage extends IOException {
        private static final long serialVersionUID = 1L;

        NotAMessage(String quote) {
            super(quote);
        }
    }
}
