package dev.explainunit.zoo;

import org.apiguardian.api.API;

/**
 * A classifier's accuracy on sentences of the sentiment corpus, overall and on the sentences that
 * need composition: those with a negator and those with a contrast ("X, but Y").
 *
 * @param overall            fraction of all sentences classified correctly
 * @param negation           ... of those with a negator
 * @param contrast           ... of those with a contrast ("X, but Y")
 * @param sentences          number of sentences
 * @param negationSentences  number with a negator
 * @param contrastSentences  number with a contrast
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentAccuracy(double overall, double negation, double contrast, int sentences,
                                int negationSentences, int contrastSentences) {
}
