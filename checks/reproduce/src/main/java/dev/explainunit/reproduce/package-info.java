/**
 * The paper's Table 2 (Arras et al. 2019, section 3.2) recomputed for every built-in explainer on
 * the bundled model zoo, with the engine's check verdicts, as a {@link dev.explainunit.report.Report}.
 */
package dev.explainunit.reproduce;
