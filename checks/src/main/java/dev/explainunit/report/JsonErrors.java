package dev.explainunit.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/** A JSON parser's error in words a user can act on: the parser's own message, line and column. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class JsonErrors {

    /**
     * The parser's location marker as it appears inside some original messages, e.g. "start marker
     * at [Source: REDACTED (`StreamReadFeature...` disabled); line: 1, column: 2]".
     */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]");

    private JsonErrors() {
    }

    /** E.g. "Unexpected end-of-input: expected close marker for Array (start marker at line 1, column 2) at line 1, column 9". */
    public static String describe(JacksonException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        String message = SOURCE.matcher(original.lines().findFirst().orElse("")).replaceAll("line $1, column $2");
        JsonLocation at = e.getLocation();
        if (at == null || at.getLineNr() < 1) {
            return message;
        }
        return message + " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
