package dev.explainunit.examples;

import dev.explainunit.Sequence;
import dev.explainunit.task.GroundTruth;
import dev.explainunit.task.GroundTruthKind;
import dev.explainunit.task.Sample;
import dev.explainunit.task.Task;
import dev.explainunit.task.TaskModel;
import dev.explainunit.zoo.ModelZoo;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A task of our own, as a user writes one: five of the bundled addition models, and our own test
 * data, short sequences of 5 to 8 steps (inside the models' training lengths 4..10) whose two
 * marked numbers are both positive. The ground truth is complete: y = n_a + n_b, so the relevant
 * positions are a and b with their numbers, each entering y with sign +1. It has no generator, so a
 * failed check shows the first failing test sequence. Registered in
 * {@code src/test/resources/META-INF/services/dev.explainunit.task.Task}; the sanity tests name it
 * with {@code @ExplainerSanityTest(tasks = "short-addition")}.
 */
public final class ShortAdditionTask implements Task {

    @Override
    public String id() {
        return "short-addition";
    }

    @Override
    public String description() {
        return "y = n_a + n_b of two positive marked numbers in sequences of 5 to 8 steps";
    }

    @Override
    public List<TaskModel> models() {
        return List.copyOf(ModelZoo.bundled().models("addition").subList(0, 5));
    }

    @Override
    public List<Sample> samples(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = 5 + random.nextInt(4);
            int a = random.nextInt(length - 1);
            int b = a + 1 + random.nextInt(length - 1 - a);
            double[][] steps = new double[length][2];
            for (int t = 0; t < length; t++) {
                steps[t][t == a || t == b ? 0 : 1] = 0.5 + 0.5 * random.nextDouble();
            }
            GroundTruth truth = GroundTruth.of(new GroundTruth.Relevant(a, "a", steps[a][0], 1),
                    new GroundTruth.Relevant(b, "b", steps[b][0], 1));
            samples.add(new Sample(Sequence.of(steps), 0, steps[a][0] + steps[b][0], truth, List.of()));
        }
        return List.copyOf(samples);
    }

    @Override
    public GroundTruthKind groundTruth() {
        return GroundTruthKind.COMPLETE;
    }
}
