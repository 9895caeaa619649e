package dev.explainunit.train;

import dev.explainunit.model.Vocabulary;
import dev.explainunit.sentence.CorpusSentence;
import dev.explainunit.sentence.SentenceRecord;
import dev.explainunit.sentence.SentimentCorpus;
import dev.explainunit.sentence.TokenRole;
import dev.explainunit.train.internal.BagOfWords;
import dev.explainunit.train.internal.EncodedSentences;
import dev.explainunit.zoo.SentenceTrainingSettings;
import dev.explainunit.zoo.SentimentAccuracy;
import dev.explainunit.zoo.SentimentZooIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.apiguardian.api.API;

/**
 * Trains the {@code sentiment} model on the generated corpus and measures it against a
 * bag-of-words baseline: the model on the training sentences plus the corpus's labelled phrases
 * (as SST labels its phrases), early stopping on the validation split, accuracy on validation and
 * test overall and on the sentences with a negator or a contrast.
 *
 * @param corpusSeed         the corpus's seed ({@link SentimentCorpus#generate})
 * @param result             the training run
 * @param validation         the model's accuracy on the validation split
 * @param test               ... on the test split
 * @param baselineValidation the bag-of-words baseline's accuracy on the validation split
 * @param baselineTest       ... on the test split
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record SentimentTraining(long corpusSeed, SentenceTrainingResult result, SentimentAccuracy validation,
                                SentimentAccuracy test, SentimentAccuracy baselineValidation,
                                SentimentAccuracy baselineTest) {

    /**
     * Generates the corpus from {@code corpusSeed}, trains with {@code settings} on {@code threads}
     * threads and evaluates model and baseline.
     *
     * @throws InterruptedException if the calling thread is interrupted
     */
    public static SentimentTraining run(long corpusSeed, SentenceTrainingSettings settings, int threads,
                                        EpochProgress.Listener listener) throws InterruptedException {
        SentimentCorpus corpus = SentimentCorpus.generate(corpusSeed);
        Vocabulary vocabulary = SentimentCorpus.vocabulary();
        List<SentenceRecord> train = trainingSet(corpus);
        List<SentenceRecord> validation = records(corpus.validation());
        SentenceTrainingResult result = new SentenceTrainer(settings)
                .train(train, validation, vocabulary, SentimentCorpus.CLASSES, threads, listener);
        BagOfWords baseline = BagOfWords.train(EncodedSentences.of(train, vocabulary, SentimentCorpus.CLASSES),
                EncodedSentences.of(validation, vocabulary, SentimentCorpus.CLASSES), vocabulary.size(),
                SentimentCorpus.CLASSES);
        return new SentimentTraining(corpusSeed, result,
                accuracy(corpus.validation(), result.model()::predictClass),
                accuracy(corpus.test(), result.model()::predictClass),
                accuracy(corpus.validation(), tokens -> baseline.predict(ids(vocabulary, tokens))),
                accuracy(corpus.test(), tokens -> baseline.predict(ids(vocabulary, tokens))));
    }

    /** The training sentences followed by the labelled phrases. */
    public static List<SentenceRecord> trainingSet(SentimentCorpus corpus) {
        List<SentenceRecord> train = new ArrayList<>(records(corpus.train()));
        train.addAll(records(corpus.phrases()));
        return train;
    }

    private static List<SentenceRecord> records(List<CorpusSentence> sentences) {
        List<SentenceRecord> records = new ArrayList<>(sentences.size());
        for (CorpusSentence s : sentences) {
            records.add(s.toRecord());
        }
        return records;
    }

    private static int[] ids(Vocabulary vocabulary, List<String> tokens) {
        int[] ids = new int[tokens.size()];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = vocabulary.id(tokens.get(t));
        }
        return ids;
    }

    /** The accuracy of {@code classifier} (tokens to class) on {@code sentences}. */
    public static SentimentAccuracy accuracy(List<CorpusSentence> sentences, ToIntFunction<List<String>> classifier) {
        int[] total = new int[3];
        int[] correct = new int[3];
        for (CorpusSentence s : sentences) {
            boolean right = classifier.applyAsInt(s.tokens()) == s.label();
            boolean[] in = {true, s.has(TokenRole.NEGATOR), s.has(TokenRole.CONTRAST)};
            for (int k = 0; k < 3; k++) {
                if (in[k]) {
                    total[k]++;
                    correct[k] += right ? 1 : 0;
                }
            }
        }
        return new SentimentAccuracy(ratio(correct[0], total[0]), ratio(correct[1], total[1]),
                ratio(correct[2], total[2]), total[0], total[1], total[2]);
    }

    private static double ratio(int correct, int total) {
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /** The zoo's index describing this finished training. */
    public SentimentZooIndex zooIndex() {
        List<SentimentZooIndex.Epoch> history = result().epochs().stream()
                .map(e -> new SentimentZooIndex.Epoch(e.epoch(), e.trainLoss(), e.validationAccuracy(), e.seconds()))
                .toList();
        return new SentimentZooIndex(SentimentZooIndex.FORMAT, SentimentZooIndex.TASK, SentimentZooIndex.MODEL_FILE,
                SentimentZooIndex.VOCABULARY_FILE, corpusSeed(), result().settings(), result().settings().describe(),
                history.size(), result().bestEpoch(), result().seconds(), result().threads(), validation(), test(),
                baselineValidation(), baselineTest(), history);
    }
}
