package com.example;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;

/** The contract fails with the explainer's exception as its cause; relevant mass is skipped. */
@ExplainerSanityTest(tasks = "addition", checks = {Check.CONTRACT, Check.RELEVANT_MASS})
class ThrowingExplainerSanityTest implements ExplainerUnderTest {

    @Override
    public Explainer explainer() {
        return new ThrowingExplainer();
    }
}
