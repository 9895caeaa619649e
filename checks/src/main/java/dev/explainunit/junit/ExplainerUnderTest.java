package dev.explainunit.junit;

import dev.explainunit.Explainer;
import org.apiguardian.api.API;

/**
 * Implemented by an {@link ExplainerSanityTest} class to name the explainer it tests. A class
 * that does not implement it tests every explainer registered in
 * {@code META-INF/services/dev.explainunit.Explainer}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface ExplainerUnderTest {

    /** The explainer to check; called once, on a fresh instance of the test class. */
    Explainer explainer();
}
