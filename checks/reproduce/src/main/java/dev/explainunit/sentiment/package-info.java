/**
 * The paper's sentiment experiments (Arras et al. 2019, sections 3.3 and 4, appendix A.5) as
 * computations on a {@link dev.explainunit.model.SentenceModel} and labelled test sentences:
 * word deletion (Table 3, {@link dev.explainunit.deletion.WordDeletion}), semantic composition
 * (Table 4, {@link dev.explainunit.composition.CompositionSamples}), the most confidently
 * misclassified sentences (Table 5, {@link dev.explainunit.sentiment.Misclassifications}) and
 * relevance-weighted sentence representations (Figure 1,
 * {@link dev.explainunit.sentiment.SentenceRepresentations}); {@link
 * dev.explainunit.sentiment.SentimentExperiments} runs them all. Every procedure and every choice
 * where the paper is ambiguous is described in {@code src/docs/sentiment-experiments.md}.
 */
package dev.explainunit.sentiment;
