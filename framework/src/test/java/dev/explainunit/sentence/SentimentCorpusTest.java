package dev.explainunit.sentence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.model.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SentimentCorpusTest {

    private static final SentimentCorpus CORPUS = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED);

    private static List<CorpusSentence> all() {
        return Stream.of(CORPUS.train(), CORPUS.validation(), CORPUS.test(), CORPUS.phrases())
                .flatMap(List::stream).toList();
    }

    /** The label rule written out independently: thresholds ±0.5, ±1.5 on score + noise. */
    private static int expectedLabel(double noisyScore) {
        int label = 2;
        if (noisyScore > 0.5) {
            label = noisyScore > 1.5 ? 4 : 3;
        } else if (noisyScore < -0.5) {
            label = noisyScore < -1.5 ? 0 : 1;
        }
        return label;
    }

    @Test
    void every_label_is_recomputed_from_the_token_contributions_and_the_recorded_noise() {
        for (CorpusSentence s : all()) {
            double sum = 0;
            for (double c : s.contributions()) {
                sum += c;
            }
            assertThat(s.label()).as("%s", s).isEqualTo(expectedLabel(sum + s.noise()));
        }
    }

    /**
     * The score evaluated again from the words alone, clause by clause, as the documentation states
     * the rules: a clause ends at punctuation, "and" or "but"; its polar word counts ±1 or ±2, times
     * 1.4 after an amplifier; a negator in the clause turns a positive value c into −0.75c and a
     * negative one into −0.6c; everything before "but" counts a quarter.
     */
    @Test
    void the_contributions_sum_to_the_score_the_composition_rules_give_for_the_words() {
        for (CorpusSentence s : all()) {
            assertThat(s.score()).as("%s", s).isCloseTo(evaluate(s.tokens()), within(1e-12));
        }
    }

    private static double evaluate(List<String> words) {
        double before = 0;
        double total = 0;
        double clause = 0;
        boolean negated = false;
        Set<String> ends = Set.of(",", ";", ".", "!", "and", "but");
        for (int k = 0; k <= words.size(); k++) {
            String w = k < words.size() ? words.get(k) : ".";
            if (ends.contains(w)) {
                total += negated ? (clause > 0 ? -0.75 * clause : -0.6 * clause) : clause;
                clause = 0;
                negated = false;
                if (w.equals("but")) {
                    before += total;
                    total = 0;
                }
            } else if (SentimentLexicon.NEGATORS.contains(w)) {
                negated = true;
            } else if (isPolar(w)) {
                double v = strength(w);
                boolean amplified = k > 0 && SentimentLexicon.AMPLIFIERS.contains(words.get(k - 1));
                clause += amplified ? 1.4 * v : v;
            }
        }
        return 0.25 * before + total;
    }

    private static boolean isPolar(String w) {
        return SentimentLexicon.POSITIVE_1.contains(w) || SentimentLexicon.POSITIVE_2.contains(w)
                || SentimentLexicon.NEGATIVE_1.contains(w) || SentimentLexicon.NEGATIVE_2.contains(w);
    }

    private static double strength(String w) {
        double v = SentimentLexicon.POSITIVE_2.contains(w) || SentimentLexicon.NEGATIVE_2.contains(w) ? 2 : 1;
        return SentimentLexicon.NEGATIVE_1.contains(w) || SentimentLexicon.NEGATIVE_2.contains(w) ? -v : v;
    }

    @Test
    void not_very_good_composes_as_documented() {
        SentenceBuilder b = new SentenceBuilder(new java.util.Random(0));
        // the documented worked example, built through the same contribution rules
        int not = b.add("not", TokenRole.NEGATOR, 0);
        b.add("very", TokenRole.AMPLIFIER, (SentimentCorpus.AMPLIFIER_FACTOR - 1) * 1);
        b.add("good", TokenRole.POLAR, 1);
        b.setContribution(not, SentimentCorpus.negate(1.4) - 1.4);
        assertThat(b.score(0, 3)).isCloseTo(-1.05, within(1e-12));
        assertThat(evaluate(List.of("not", "very", "good", "."))).isCloseTo(-1.05, within(1e-12));
        assertThat(evaluate(List.of("not", "bad"))).isCloseTo(0.6, within(1e-12));
        assertThat(evaluate(List.of("good", ",", "but", "awful"))).isCloseTo(0.25 - 2, within(1e-12));
    }

    @Test
    void roles_match_the_words() {
        for (CorpusSentence s : all()) {
            for (int t = 0; t < s.length(); t++) {
                String w = s.tokens().get(t);
                TokenRole role = s.roles().get(t);
                TokenRole expected = isPolar(w) ? TokenRole.POLAR
                        : SentimentLexicon.NEGATORS.contains(w) ? TokenRole.NEGATOR
                        : SentimentLexicon.AMPLIFIERS.contains(w) ? TokenRole.AMPLIFIER
                        : w.equals("but") ? TokenRole.CONTRAST
                        : SentimentLexicon.PUNCTUATION.contains(w) ? TokenRole.PUNCTUATION
                        : TokenRole.FILLER;
                assertThat(role).as("token %d of %s", t, s).isEqualTo(expected);
                if (role == TokenRole.FILLER || role == TokenRole.PUNCTUATION) {
                    assertThat(s.contribution(t)).as("token %d of %s", t, s).isZero();
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_corpus_on_another_thread_and_another_seed_another_corpus() throws Exception {
        SentimentCorpus again = CompletableFuture.supplyAsync(
                () -> SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED)).get();
        SentimentCorpus other = SentimentCorpus.generate(SentimentCorpus.DEFAULT_SEED + 1);

        assertThat(again.train()).isEqualTo(CORPUS.train());
        assertThat(again.validation()).isEqualTo(CORPUS.validation());
        assertThat(again.test()).isEqualTo(CORPUS.test());
        assertThat(again.phrases()).isEqualTo(CORPUS.phrases());
        assertThat(other.test()).isNotEqualTo(CORPUS.test());
    }

    @Test
    void the_splits_have_sst_sizes_and_the_phrases_are_kept_apart() {
        assertThat(CORPUS.train()).hasSize(8544);
        assertThat(CORPUS.validation()).hasSize(1101);
        assertThat(CORPUS.test()).hasSize(2210);
        assertThat(CORPUS.phrases()).hasSize(8544);
        assertThat(CORPUS.phrases().stream().mapToInt(CorpusSentence::length).max().orElseThrow())
                .isLessThan(CORPUS.train().stream().mapToInt(CorpusSentence::length).max().orElseThrow());
    }

    @Test
    void no_validation_or_test_sentence_occurs_in_training_or_in_the_other() {
        Set<List<String>> train = new java.util.HashSet<>();
        CORPUS.train().forEach(s -> train.add(s.tokens()));
        Set<List<String>> validation = new java.util.HashSet<>();
        CORPUS.validation().forEach(s -> validation.add(s.tokens()));

        assertThat(CORPUS.validation()).noneMatch(s -> train.contains(s.tokens()));
        assertThat(CORPUS.test()).noneMatch(s -> train.contains(s.tokens()) || validation.contains(s.tokens()));
    }

    @Test
    void the_lengths_and_class_shares_resemble_sst() {
        List<CorpusSentence> sentences = new ArrayList<>(CORPUS.train());
        sentences.addAll(CORPUS.test());
        CorpusStatistics stats = CorpusStatistics.of(sentences);

        assertThat(stats.meanLength()).isBetween(17.0, 21.0);
        assertThat(stats.maxLength()).isBetween(45, 65);
        for (int c : new int[] {0, 4}) {
            assertThat(stats.classShares()[c]).as("class %d", c).isBetween(10.0, 18.0);
        }
        for (int c : new int[] {1, 2, 3}) {
            assertThat(stats.classShares()[c]).as("class %d", c).isBetween(15.0, 30.0);
        }
        assertThat(stats.negated()).isBetween(20.0, 50.0);
        assertThat(stats.contrasted()).isBetween(10.0, 40.0);
    }

    @Test
    void the_vocabulary_holds_unk_and_every_generated_token_and_the_graded_polar_words() {
        Vocabulary vocabulary = SentimentCorpus.vocabulary();

        assertThat(vocabulary.token(0)).isEqualTo(Vocabulary.UNKNOWN);
        for (CorpusSentence s : all()) {
            assertThat(s.tokens()).allMatch(vocabulary::contains, "in the vocabulary");
        }
        assertThat(SentimentLexicon.POSITIVE_1.size() + SentimentLexicon.POSITIVE_2.size()).isEqualTo(48);
        assertThat(SentimentLexicon.NEGATIVE_1.size() + SentimentLexicon.NEGATIVE_2.size()).isEqualTo(47);
        assertThat(SentimentLexicon.NEGATORS).hasSize(8);
        assertThat(SentimentLexicon.AMPLIFIERS).hasSize(10);
    }

    @Test
    void single_negators_and_amplifiers_appear_among_the_phrases_with_no_contribution() {
        List<CorpusSentence> single = CORPUS.phrases().stream().filter(p -> p.length() == 1).toList();

        assertThat(single).anyMatch(p -> p.roles().get(0) == TokenRole.NEGATOR);
        assertThat(single).anyMatch(p -> p.roles().get(0) == TokenRole.AMPLIFIER);
        assertThat(single).filteredOn(p -> p.roles().get(0) != TokenRole.POLAR)
                .allMatch(p -> p.contribution(0) == 0);
    }
}
