/**
 * Sentence classifiers: a {@link dev.explainunit.model.Vocabulary}, a
 * {@link dev.explainunit.model.SentenceModel} (an embedding in front of an LSTM), sentences
 * in JSON Lines ({@link dev.explainunit.sentence.SentenceReader},
 * {@link dev.explainunit.sentence.SentenceWriter}) and the generated five-class
 * {@link dev.explainunit.sentence.SentimentCorpus} with a ground truth for every token.
 */
package dev.explainunit.sentence;
