package com.example;

import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;

/** lrp-all passes; cd fails on subtraction, as in the paper's Table 2: 12 tests, each its own test case. */
@ExplainerSanityTest(explainers = {"lrp-all", "cd"}, checks = {Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION,
        Check.RELEVANT_MASS})
class BuiltInsSanityTest {
}
