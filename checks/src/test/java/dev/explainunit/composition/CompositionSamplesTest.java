package dev.explainunit.composition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.explainunit.model.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The selection rules of appendix A.5 on a hand-written classifier whose every prediction is known:
 * 60 positive words p10..p69 (f_+ = index), 5 negative words q0..q4, negators and amplifiers with
 * rules on the word's index.
 */
class CompositionSamplesTest {

    private static final List<String> POSITIVE = words("p", 10, 70);
    private static final List<String> NEGATIVE = words("q", 0, 5);

    /** The class of a token list by the rules below; single positive and negative words get a graded score. */
    private static int classOf(List<String> tokens) {
        if (tokens.size() == 1) {
            String w = tokens.get(0);
            return w.startsWith("p") ? 3 : w.startsWith("q") ? 1 : switch (w) {
                case "no" -> 0;          // very negative alone: neither a neutral negator nor a − word
                case "extremely" -> 3;   // positive alone: not a neutral amplifier
                default -> 2;
            };
        }
        String last = tokens.get(tokens.size() - 1);
        int i = Integer.parseInt(last.substring(1));
        if (tokens.size() == 3) {
            boolean negated = tokens.get(0).equals("not") || tokens.get(0).equals("never");
            return negated && i % 3 == 0 ? 1 : 3;
        }
        String modifier = tokens.get(0);
        if (last.startsWith("q")) {
            return switch (modifier) {
                case "very" -> i < 2 ? 0 : 1; // 2 of 5 = 40%: kept
                case "so" -> i < 1 ? 0 : 1;   // 1 of 5 = 20%: dropped
                default -> 1;
            };
        }
        return switch (modifier) {
            case "not" -> i % 2 == 0 ? 1 : 2;     // 50%
            case "never" -> i % 5 < 2 ? 1 : 2;    // 40%, the boundary: kept
            case "hardly" -> i % 5 == 0 ? 1 : 2;  // 20%: dropped
            case "very" -> i % 2 == 0 ? 4 : 3;    // 50%
            case "so" -> i % 4 == 0 ? 4 : 3;      // 12 of 50 = 24%: dropped
            default -> 3;
        };
    }

    private static double[] scores(List<String> tokens) {
        double[] s = new double[5];
        int c = classOf(tokens);
        s[c] = 100;
        if (tokens.size() == 1 && tokens.get(0).matches("[pq]\\d+")) {
            s[c] = 100 + Integer.parseInt(tokens.get(0).substring(1));
        }
        return s;
    }

    private static CompositionSamples select() {
        List<String> vocabulary = new ArrayList<>(List.of("<unk>", "film", "not", "never", "hardly", "no", "very", "so",
                "extremely"));
        vocabulary.addAll(NEGATIVE);
        vocabulary.addAll(POSITIVE);
        ModifierWords candidates = new ModifierWords(List.of("not", "never", "hardly", "no", "nowhere"),
                List.of("very", "so", "extremely", "utterly"));
        return CompositionSamples.select(CompositionSamplesTest::scores, Vocabulary.of(vocabulary), candidates);
    }

    @Test
    void sentiment_words_are_the_fifty_with_the_largest_score_among_those_predicted_with_the_polarity() {
        CompositionSamples s = select();
        assertThat(s.positiveWords()).hasSize(50).first().isEqualTo("p69");
        assertThat(s.positiveWords()).last().isEqualTo("p20");
        assertThat(s.negativeWords()).containsExactly("q4", "q3", "q2", "q1", "q0");
    }

    @Test
    void modifiers_are_the_candidates_in_the_vocabulary_that_the_model_calls_neutral_alone() {
        CompositionSamples s = select();
        assertThat(s.neutralNegators()).containsExactly("not", "never", "hardly");
        assertThat(s.neutralAmplifiers()).containsExactly("very", "so");
    }

    @Test
    void negated_positive_keeps_negators_that_negate_at_least_forty_percent_and_their_negative_bigrams() {
        ComposedSamples negated = select().samples(Composition.NEGATED_POSITIVE);
        assertThat(negated.modifiers()).containsExactly("not", "never");
        // p20..p69: "not" negates the 25 even ones, "never" the 20 with i mod 5 in {0, 1}
        assertThat(negated.samples()).hasSize(45).allMatch(b -> classOf(b) == 1);
        assertThat(negated.constructed()).isEqualTo(150);
        // class shares over all 150 bigrams: 25 + 20 + 10 negative, the rest neutral
        assertThat(negated.classShare()).containsExactly(new double[] {0, 100 * 55 / 150.0, 100 * 95 / 150.0, 0, 0},
                within(1e-12));
    }

    @Test
    void amplified_positive_and_negative_apply_the_forty_percent_rule_per_amplifier() {
        CompositionSamples s = select();
        ComposedSamples positive = s.samples(Composition.AMPLIFIED_POSITIVE);
        assertThat(positive.modifiers()).containsExactly("very");
        assertThat(positive.samples()).hasSize(25).allMatch(b -> b.get(0).equals("very") && classOf(b) == 4);
        ComposedSamples negative = s.samples(Composition.AMPLIFIED_NEGATIVE);
        assertThat(negative.modifiers()).containsExactly("very");
        assertThat(negative.samples()).containsExactly(List.of("very", "q1"), List.of("very", "q0"));
    }

    @Test
    void negated_amplified_positive_keeps_trigrams_whose_amplified_bigram_is_very_positive_and_that_are_negative() {
        ComposedSamples trigrams = select().samples(Composition.NEGATED_AMPLIFIED_POSITIVE);
        // every neutral negator and amplifier is tried (3 x 2 x 50); kept: "very p" ++ (i even) or "so p" ++
        // (i mod 4 = 0), and the trigram − (negator not or never, i mod 3 = 0):
        // very: i mod 6 = 0 in 20..69 -> 24, 30, 36, 42, 48, 54, 60, 66; so: i mod 12 = 0 -> 24, 36, 48, 60
        assertThat(trigrams.constructed()).isEqualTo(300);
        assertThat(trigrams.samples()).hasSize(2 * (8 + 4));
        assertThat(trigrams.samples()).contains(List.of("not", "very", "p24"), List.of("never", "so", "p60"))
                .doesNotContain(List.of("hardly", "very", "p24"), List.of("not", "so", "p30"));
        // 2 negators x 2 amplifiers x 17 words with i mod 3 = 0 in 20..69 are −
        assertThat(trigrams.classShare()[1]).isCloseTo(100 * 68 / 300.0, within(1e-12));
    }

    @Test
    void a_model_without_five_classes_is_refused_with_its_class_count() {
        assertThatThrownBy(() -> CompositionSamples.select(tokens -> new double[3], Vocabulary.of(List.of("a")),
                ModifierWords.english())).hasMessageContaining("[3] classes");
    }

    private static List<String> words(String prefix, int from, int to) {
        List<String> words = new ArrayList<>();
        for (int i = from; i < to; i++) {
            words.add(prefix + i);
        }
        return words;
    }
}
