package dev.explainunit.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.explainunit.deletion.WordDeletion;
import dev.explainunit.model.SentenceModel;
import dev.explainunit.sentence.SentenceRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShortenedPassesTest {

    @Test
    void resuming_the_recorded_pass_gives_the_outputs_of_a_fresh_pass_on_the_shortened_sentence_bit_for_bit() {
        for (boolean bidirectional : new boolean[] {true, false}) {
            SentenceModel model = TinySentenceModels.model(31, 3, 4, 5, bidirectional, 2.0);
            ShortenedPasses passes = new ShortenedPasses(model.lstm());
            Random random = new Random(5);
            for (SentenceRecord s : TinySentenceModels.corpus(32, 60, 5)) {
                List<String> tokens = s.tokens();
                passes.start(model.embed(tokens));
                int length = tokens.size();
                List<int[]> cases = List.of(new int[] {0}, new int[] {length - 1}, new int[] {0, 1, 2},
                        new int[] {length - 3, length - 2, length - 1}, new int[] {0, length - 1},
                        distinct(random, length, 1 + random.nextInt(3)), distinct(random, length, 3));
                for (int[] positions : cases) {
                    int[] unchanged = positions.clone();
                    double[] fresh = model.predict(WordDeletion.without(tokens, positions));
                    assertThat(passes.classify(positions)).as("%s without %s", tokens, Arrays.toString(positions))
                            .isEqualTo(model.predictClass(WordDeletion.without(tokens, positions)));
                    for (int c = 0; c < fresh.length; c++) {
                        assertThat(passes.output(c)).isEqualTo(fresh[c]);
                    }
                    assertThat(positions).isEqualTo(unchanged);
                }
            }
        }
    }

    private static int[] distinct(Random random, int length, int count) {
        return random.ints(0, length).distinct().limit(count).sorted().toArray();
    }
}
