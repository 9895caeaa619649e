package dev.explainunit.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apiguardian.api.API;

/** The project version, written into {@code version.properties} by the build's resource filtering. */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ProjectVersion {

    /** E.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VALUE = read();

    private ProjectVersion() {
    }

    private static String read() {
        try (InputStream in = ProjectVersion.class.getResourceAsStream("/dev/explainunit/report/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/explainunit/report/version.properties is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/explainunit/report/version.properties", e);
        }
    }
}
