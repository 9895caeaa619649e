package dev.explainunit.cli;

import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that give a task its {@linkplain Task#parameters() parameters}: option {@code --p}
 * is parameter {@code p} of the task named by {@code --task} (e.g. a user's own sentiment model,
 * vocabulary and data). A command knows no task by name; a task that does not read an option given
 * is refused, naming both.
 */
final class TaskOptions {

    @Option(names = "--model", paramLabel = "FILE",
            description = "a model of your own for the task (sentiment: safetensors with PyTorch names)")
    Path model;

    @Option(names = "--vocab", paramLabel = "FILE", description = "its vocabulary, one token a line (sentiment)")
    Path vocab;

    @Option(names = "--data", paramLabel = "FILE",
            description = "your data for the task (sentiment: JSON Lines, {\"tokens\": [...], \"label\": n})")
    Path data;

    /** The registered task {@code --task id} names, or a usage error naming the known ones. */
    static Task byId(String id) {
        try {
            return Tasks.byId(id.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--task: " + e.getMessage());
        }
    }

    /** The options given, by parameter name, in the order the options are declared. */
    Map<String, String> given() {
        Map<String, String> given = new LinkedHashMap<>();
        if (model != null) {
            given.put("model", model.toString());
        }
        if (vocab != null) {
            given.put("vocab", vocab.toString());
        }
        if (data != null) {
            given.put("data", data.toString());
        }
        return given;
    }

    /**
     * {@code task} configured with the options given; {@code task} itself when none is given.
     *
     * @throws UsageException when the task does not read a given option, or refuses its value
     */
    Task configure(Task task) {
        Map<String, String> given = given();
        for (String name : given.keySet()) {
            if (!task.parameters().contains(name)) {
                throw new UsageException("--" + name + " [" + given.get(name) + "] is not read by the " + task.id()
                        + " task" + (task.parameters().isEmpty() ? "" : "; it reads --"
                        + String.join(", --", task.parameters().stream().sorted().toList())));
            }
        }
        try {
            return task.configured(name -> Optional.ofNullable(given.get(name)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
