package dev.explainunit.safetensors;

import java.util.Locale;

/**
 * Words for the first bytes of a file that does not start like a safetensors file, for the
 * message that says so: a text or JSON file by its first characters, anything else by its bytes
 * (a zip archive, as {@code torch.save} writes, by name).
 */
final class FileStart {

    private FileStart() {
    }

    /** {@code the text '{"tokens'} or {@code the bytes 50 4b 03 04 ... (a zip archive, ...)}. */
    static String describe(byte[] prefix) {
        if (isText(prefix)) {
            StringBuilder text = new StringBuilder("the text '");
            for (byte b : prefix) {
                switch (b) {
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    default -> text.append((char) b);
                }
            }
            return text.append('\'').toString();
        }
        StringBuilder bytes = new StringBuilder("the bytes");
        for (byte b : prefix) {
            bytes.append(String.format(Locale.ROOT, " %02x", b & 0xff));
        }
        if (prefix.length >= 4 && prefix[0] == 'P' && prefix[1] == 'K' && prefix[2] == 3 && prefix[3] == 4) {
            bytes.append(" (a zip archive, as torch.save writes)");
        }
        return bytes.toString();
    }

    /** Printable ASCII, tabs and line breaks only. */
    private static boolean isText(byte[] prefix) {
        for (byte b : prefix) {
            if ((b < 0x20 || b > 0x7e) && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
