package com.example;

import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;

/** 2 explainers × 2 tasks × 3 checks; the rerun selects the 4 correlation checks. */
@ExplainerSanityTest(explainers = {"lrp-all", "cd"}, checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION,
        Check.RELEVANT_MASS})
class BuiltInsSanityTest {
}
