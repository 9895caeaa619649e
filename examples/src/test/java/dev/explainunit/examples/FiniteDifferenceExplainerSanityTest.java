package dev.explainunit.examples;

import dev.explainunit.Explainer;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;

/**
 * What a user writes: the whole sanity suite for one explainer, run by {@code mvn test}. Sample
 * sizes come from {@code src/test/resources/junit-platform.properties}.
 */
@ExplainerSanityTest
class FiniteDifferenceExplainerSanityTest implements ExplainerUnderTest {

    @Override
    public Explainer explainer() {
        return new FiniteDifferenceExplainer();
    }
}
