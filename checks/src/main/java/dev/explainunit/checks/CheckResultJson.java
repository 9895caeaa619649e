package dev.explainunit.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;

/** The JSON form of a {@link CheckResult}, as published in the report entry {@value #ENTRY_KEY}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CheckResultJson {

    /**
     * The report entry key under which a check's result was published as JSON: by the engine only on
     * a JUnit Platform without file entries (before 1.12); still read from other producers.
     */
    public static final String ENTRY_KEY = "explainunit.result";

    /** The report entry key of the one line a person reads: "fail: [x] on addition: ...". */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static final String SUMMARY_KEY = "explainunit";

    /** The file (a JUnit file entry) that carries a check's result as JSON. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static final String FILE_NAME = "explainunit-result.json";

    /**
     * The report entry key with which the engine says, on its root, that a run is a part of its
     * classes' checks ({@value #PARTIAL}), selected by unique id or by a method filter.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static final String SELECTION_KEY = "explainunit.selection";

    /** The value of {@value #SELECTION_KEY} for a run of some of its classes' checks. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static final String PARTIAL = "partial";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckResultJson() {
    }

    /** "fail: " and the first line of the message: what an IDE or the console's tree shows under the test. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2")
    public static String summary(CheckResult result) {
        String message = result.message() == null ? "" : result.message().strip();
        int end = message.indexOf('\n');
        return result.verdict().word() + ": " + (end < 0 ? message : message.substring(0, end).strip());
    }

    /** {@code result} as a JSON object. */
    public static String write(CheckResult result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check result could not be written as JSON", e);
        }
    }
}
