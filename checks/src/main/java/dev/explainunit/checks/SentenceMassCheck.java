package dev.explainunit.checks;

import static dev.explainunit.checks.CheckMessages.num;

import dev.explainunit.task.TaskWords;

/**
 * Relevant mass on a sentence classifier: the statistic of {@link RelevantMassCheck} on the
 * label-deciding words, with the sentence threshold ({@link Thresholds#sentenceMass()}: more than
 * all other words together), since a sentence's other words are not distractors the model was
 * trained to ignore.
 */
final class SentenceMassCheck extends RelevantMassCheck {

    SentenceMassCheck(TaskWords words) {
        super(words);
    }

    @Override
    public String rule(ExplainedPopulation p) {
        return "relevance should concentrate on the " + words.relevant();
    }

    @Override
    public String reason(ExplainedPopulation p) {
        return "only they change the sentence's score; the other words add nothing to it";
    }

    @Override
    double threshold(Thresholds thresholds) {
        return thresholds.sentenceMass();
    }

    @Override
    String relevantNamed(ExplainedPopulation p) {
        return "the " + words.relevant();
    }

    @Override
    public String property(ExplainedPopulation p, Thresholds thresholds) {
        return "Σ_{t " + words.relevant() + "} |R_t| / Σ_t |R_t| ≥ " + num(threshold(thresholds));
    }
}
