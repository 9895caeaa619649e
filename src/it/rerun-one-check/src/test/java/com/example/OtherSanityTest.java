package com.example;

import dev.explainunit.checks.Check;
import dev.explainunit.junit.ExplainerSanityTest;

/** A class the rerun does not select: its check stays in the report. */
@ExplainerSanityTest(explainers = "gradient-x-input", tasks = "addition", checks = Check.CONTRACT)
class OtherSanityTest {
}
