package dev.explainunit.checks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apiguardian.api.API;

/** The JSON form of a {@link CheckResult}, as published in the report entry {@value #ENTRY_KEY}. */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class CheckResultJson {

    /** The report entry key under which the engine publishes each check's result. */
    public static final String ENTRY_KEY = "explainunit.result";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CheckResultJson() {
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
