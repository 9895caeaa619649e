package dev.explainunit.cli;

import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.zoo.ModelZoo;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code bench --task sentiment} explains: the bundled sentiment BiLSTM on the generated
 * corpus's test sentences of at least {@value WordDeletion#MIN_LENGTH} words (the sentences of the
 * paper's word-deletion experiment, in test-set order), each for its true class. The sentences
 * are embedded once beforehand, so the rate counts the explanation and not the table look-up.
 *
 * @param model   the bundled model's LSTM (over embedded words)
 * @param inputs  the embedded sentences
 * @param targets sentence i's true class, at index i
 */
record SentimentBenchWorkload(RecurrentNetwork model, Sequence[] inputs, int[] targets) {

    /** The bundled model and corpus (seed {@link SentimentCorpus#DEFAULT_SEED}). */
    static SentimentBenchWorkload bundled() {
        SentenceModel model = ModelZoo.bundled().sentiment().model();
        List<Sequence> inputs = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (CorpusSentence s : SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED).test()) {
            if (s.length() >= WordDeletion.MIN_LENGTH) {
                inputs.add(model.embed(s.tokens()));
                targets.add(s.label());
            }
        }
        return new SentimentBenchWorkload(model.lstm(), inputs.toArray(Sequence[]::new),
                targets.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Words in the shortest sentence. */
    int shortest() {
        int min = Integer.MAX_VALUE;
        for (Sequence s : inputs) {
            min = Math.min(min, s.length());
        }
        return min;
    }

    /** Words in the longest sentence. */
    int longest() {
        int max = 0;
        for (Sequence s : inputs) {
            max = Math.max(max, s.length());
        }
        return max;
    }
}
