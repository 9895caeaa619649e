/**
 * The paper's semantic compositions (Arras et al. 2019, section 4, Table 4, appendix A.5): the
 * n-grams "not good", "not very good", "very good" and "very bad" that a five-class sentiment
 * classifier itself supports ({@link dev.explainunit.composition.CompositionSamples}). The
 * composition check and the sentiment experiments both draw their samples here; it knows neither.
 */
package dev.explainunit.composition;
