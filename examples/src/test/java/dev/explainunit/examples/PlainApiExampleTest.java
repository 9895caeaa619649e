package dev.explainunit.examples;

import static dev.explainunit.assertj.ExplainUnitAssertions.assertThat;

import dev.explainunit.Relevance;
import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.toy.Split;
import dev.explainunit.toy.ToyTask;
import dev.explainunit.toy.ToyData;
import dev.explainunit.toy.ToySample;
import dev.explainunit.zoo.ModelZoo;
import dev.explainunit.zoo.ZooModel;
import org.junit.jupiter.api.Test;

/** The checks by hand, for users who prefer their own Jupiter tests. */
class PlainApiExampleTest {

    @Test
    void finite_differences_pass_the_table_2_checks_on_subtraction_through_the_plain_api() {
        assertThat(SanityChecks.of(new FiniteDifferenceExplainer()).on("subtraction")
                .checks(Check.CONTRACT, Check.GROUND_TRUTH_CORRELATION, Check.RELEVANT_MASS,
                        Check.RELEVANCE_CONSERVATION)
                .models(5).samples(200).run()).passes();
    }

    @Test
    void finite_differences_put_its_relevance_on_the_two_operands_of_a_single_sequence() {
        ZooModel model = ModelZoo.bundled().models("addition").get(0);
        ToySample sample = ToyData.generate(ToyTask.ADDITION, Split.TEST, 1, 7L).get(0);
        Relevance relevance = new FiniteDifferenceExplainer().explain(model.model(), sample.sequence(), 0);
        assertThat(relevance).isWellFormedFor(sample.sequence()).hasMassOn(sample.a(), sample.b()).atLeast(0.9);
    }
}
