package com.example;

import dev.explainunit.Explainer;
import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.junit.ExplainerUnderTest;

@ExplainerSanityTest(checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS,
        Check.RELEVANCE_CONSERVATION})
class CentralDifferenceExplainerSanityTest implements ExplainerUnderTest {

    @Override
    public Explainer explainer() {
        return new CentralDifferenceExplainer();
    }
}
