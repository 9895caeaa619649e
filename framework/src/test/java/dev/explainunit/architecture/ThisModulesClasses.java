package dev.explainunit.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.nio.file.Path;

/**
 * Imports the classes of the module whose tests run (its {@code target/classes}), not those of the
 * modules it depends on, which its test classpath holds too; the module's folder is surefire's
 * {@code basedir}, else the working directory. The framework's test jar shares it with the other
 * modules' architecture tests.
 */
public final class ThisModulesClasses implements ImportOption {

    private static final String CLASSES = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().normalize().resolve("target").resolve("classes") + "/";

    @Override
    public boolean includes(Location location) {
        return location.contains(CLASSES);
    }
}
