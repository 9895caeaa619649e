package dev.explainunit.report.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.explainunit.report.MalformedReportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * One JSON object read strictly: it must be an object, every key must be one of those the format
 * knows, required keys must be there, and every value must have its type. Each refusal names where
 * in the document it is ({@code checks[3].counterexample}) and what is wrong.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JsonFields {

    private final JsonNode node;
    private final String where;

    private JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /**
     * {@code node} as an object whose keys are all among {@code known}.
     *
     * @throws MalformedReportException if it is not an object or has a key the format does not know
     */
    public static JsonFields of(JsonNode node, String where, Set<String> known) throws MalformedReportException {
        if (node == null || !node.isObject()) {
            throw new MalformedReportException(where + ": expected a JSON object, found " + kind(node));
        }
        for (String key : iterable(node)) {
            if (!known.contains(key)) {
                throw new MalformedReportException(where + ": unknown key [" + key + "]; known keys: "
                        + String.join(", ", new TreeSet<>(known)));
            }
        }
        return new JsonFields(node, where);
    }

    private static Iterable<String> iterable(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Where this object is, for the messages of its values. */
    public String where() {
        return where;
    }

    /** Where the value of {@code key} is: "checks[3].counterexample". */
    public String at(String key) {
        return where + "." + key;
    }

    /** Whether the object has {@code key} with a value other than null. */
    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** The value of {@code key}, which must be there. */
    public JsonNode required(String key) throws MalformedReportException {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new MalformedReportException(where + ": missing key [" + key + "]");
        }
        return value;
    }

    /** The text of {@code key}, which must be there. */
    public String text(String key) throws MalformedReportException {
        JsonNode value = required(key);
        if (!value.isTextual()) {
            throw new MalformedReportException(at(key) + ": expected a string, found " + kind(value));
        }
        return value.asText();
    }

    /** The text of {@code key}, or null when it is absent or null. */
    public String optionalText(String key) throws MalformedReportException {
        return has(key) ? text(key) : null;
    }

    /** The integer of {@code key}, which must be there. */
    public long integer(String key) throws MalformedReportException {
        JsonNode value = required(key);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new MalformedReportException(at(key) + ": expected an integer, found " + kind(value));
        }
        return value.asLong();
    }

    /** The number of {@code key}, which must be there ({@code "NaN"} and the infinities as strings). */
    public double number(String key) throws MalformedReportException {
        return number(required(key), at(key));
    }

    /** A number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} as a string. */
    public static double number(JsonNode value, String where) throws MalformedReportException {
        if (value != null && value.isNumber()) {
            return value.asDouble();
        }
        if (value != null && value.isTextual()) {
            switch (value.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new MalformedReportException(where + ": expected a number, found " + kind(value));
    }

    /** The array of {@code key}, which must be there. */
    public JsonNode array(String key) throws MalformedReportException {
        JsonNode value = required(key);
        if (!value.isArray()) {
            throw new MalformedReportException(at(key) + ": expected an array, found " + kind(value));
        }
        return value;
    }

    /** A JSON value's kind in words: "a string", "null", "nothing". */
    public static String kind(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
