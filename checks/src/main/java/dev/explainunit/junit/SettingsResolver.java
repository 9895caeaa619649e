package dev.explainunit.junit;

import dev.explainunit.checks.Check;
import dev.explainunit.checks.SanityChecks;
import dev.explainunit.checks.SanitySettings;
import dev.explainunit.checks.Thresholds;
import dev.explainunit.checks.Suggestions;
import dev.explainunit.junit.ExplainerSanityTest;
import dev.explainunit.task.Task;
import dev.explainunit.task.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Resolves the settings of one test class: the annotation's attribute when set, else the
 * {@code explainunit.*} configuration parameter, else the default. A malformed parameter fails
 * with a message naming the key and the value.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class SettingsResolver {

    public static final String PREFIX = "explainunit.";

    /**
     * Every {@code explainunit.*} key that something reads (the report listener reads report.dir),
     * besides the tasks' own parameters {@code explainunit.<task id>.<parameter>} ({@link Task#parameters()}).
     */
    static final Set<String> KNOWN_KEYS = Set.of("explainers", "tasks", "checks", "models", "samples", "seed", "timeLimitMillis",
            "probeSamples", "searchTries", "threshold.correlation", "threshold.mass", "threshold.conservation",
            "threshold.exactConservation", "threshold.selectivity", "threshold.randomization",
            "threshold.signAgreement", "threshold.sentenceMass", "threshold.wordDeletion", "threshold.composition",
            "report.dir", "report.paperCurves");

    private final Function<String, Optional<String>> config;
    private final Function<String, String> names;

    /** @param config configuration parameters by full key, e.g. "explainunit.seed" */
    public SettingsResolver(Function<String, Optional<String>> config) {
        this(config, key -> "configuration parameter " + PREFIX + key);
    }

    /**
     * @param config configuration parameters by full key, e.g. "explainunit.seed"
     * @param names  how a message names the setting of a key without the prefix ("checks",
     *               "threshold.mass"), e.g. as the command-line option that gave it
     */
    public SettingsResolver(Function<String, Optional<String>> config, Function<String, String> names) {
        this.config = config;
        this.names = names;
    }

    /**
     * The settings from the configuration parameters alone, as for a class whose annotation sets
     * nothing: the command line passes its options under the same keys, so that they are read and
     * checked as {@code junit-platform.properties} is.
     */
    public SanitySettings resolve() {
        return resolve(NOTHING_SET);
    }

    /** An {@code @ExplainerSanityTest} that sets no attribute: each returns its default. */
    private static final ExplainerSanityTest NOTHING_SET = (ExplainerSanityTest) java.lang.reflect.Proxy.newProxyInstance(
            ExplainerSanityTest.class.getClassLoader(), new Class<?>[] {ExplainerSanityTest.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "annotationType" -> ExplainerSanityTest.class;
                case "equals" -> proxy == args[0];
                case "hashCode" -> 0;
                case "toString" -> "@ExplainerSanityTest()";
                default -> method.getDefaultValue();
            });

    /** The settings for a class annotated with {@code annotation}. */
    public SanitySettings resolve(ExplainerSanityTest annotation) {
        SanitySettings d = SanitySettings.defaults();
        List<Task> tasks = configured(annotation.tasks().length > 0 ? annotationTasks(annotation.tasks())
                : config("tasks").map(SettingsResolver::tasks).orElse(d.tasks()));
        Set<Check> checks = annotation.checks().length > 0 ? EnumSet.copyOf(List.of(annotation.checks()))
                : config("checks").map(this::checks).orElse(d.checks());
        boolean modelsOnClass = annotation.models() != ExplainerSanityTest.NOT_SET;
        int models = modelsOnClass ? annotation.models() : intConfig("models", d.models());
        if (modelsOnClass || config("models").isPresent()) {
            requireModelCount(models, modelsOnClass ? tasks : List.of());
        }
        int samples = annotation.samples() != ExplainerSanityTest.NOT_SET ? annotation.samples()
                : intConfig("samples", d.samples());
        if (samples < 2) {
            throw new IllegalArgumentException("@ExplainerSanityTest(samples) / " + PREFIX + "samples = " + samples
                    + ": at least 2 test sequences per model are needed (a correlation needs two)");
        }
        long seed = annotation.seed() != ExplainerSanityTest.SEED_NOT_SET ? annotation.seed()
                : longConfig("seed", d.seed());
        boolean limitOnClass = annotation.timeLimitMillis() != ExplainerSanityTest.NOT_SET;
        long millis = limitOnClass ? annotation.timeLimitMillis() : longConfig("timeLimitMillis", d.timeLimit().toMillis());
        if (millis <= 0) {
            throw new IllegalArgumentException((limitOnClass ? "@ExplainerSanityTest(timeLimitMillis)"
                    : names.apply("timeLimitMillis")) + ": the time limit of one explain call must be positive, is "
                    + millis + " ms");
        }
        int probes = annotation.probeSamples() != ExplainerSanityTest.NOT_SET ? annotation.probeSamples()
                : intConfig("probeSamples", d.probeSamples());
        int tries = intConfig("searchTries", d.searchTries());
        Thresholds t = d.thresholds();
        Thresholds thresholds = new Thresholds(
                pick(annotation.correlationThreshold(), "threshold.correlation", t.correlation()),
                pick(annotation.massThreshold(), "threshold.mass", t.mass()),
                pick(annotation.conservationThreshold(), "threshold.conservation", t.conservationMse()),
                pick(Double.NaN, "threshold.exactConservation", t.exactConservation()),
                pick(annotation.selectivityThreshold(), "threshold.selectivity", t.selectivity()),
                pick(annotation.randomizationThreshold(), "threshold.randomization", t.randomization()),
                pick(Double.NaN, "threshold.signAgreement", t.signAgreement()),
                pick(Double.NaN, "threshold.sentenceMass", t.sentenceMass()),
                pick(Double.NaN, "threshold.wordDeletion", t.wordDeletion()),
                pick(Double.NaN, "threshold.composition", t.composition()));
        SanitySettings settings;
        try {
            settings = new SanitySettings(tasks, checks, models, samples, seed, thresholds, Duration.ofMillis(millis),
                    probes, tries);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("@ExplainerSanityTest attributes or " + PREFIX + "* parameters: "
                    + invalid.getMessage());
        }
        try {
            SanityChecks.requireFitsInMemory(settings);
        } catch (IllegalArgumentException tooLarge) {
            throw new IllegalArgumentException("@ExplainerSanityTest(samples, models) or " + PREFIX + "samples / "
                    + PREFIX + "models: " + tooLarge.getMessage());
        } catch (RuntimeException | LinkageError zooNotLoaded) {
            // the bundled zoo could not be read: the task nodes report that when they run
        }
        return settings;
    }

    /**
     * Refuses a model count below 1, and one above the models of any of {@code tasks}: a class
     * that asks for more models than its task bundles has a mistake, and a run never quietly uses
     * fewer models than its class asked for. The project-wide {@code explainunit.models} is checked
     * against no task: it caps each task's models, so one value serves the toy tasks' 50 and
     * sentiment's one (each check's message says how many models it used). When a task's models
     * cannot be read, the task nodes report that instead.
     */
    private static void requireModelCount(int models, List<Task> tasks) {
        if (models < 1) {
            throw new IllegalArgumentException("@ExplainerSanityTest(models) / " + PREFIX + "models = " + models
                    + ": at least 1 model per task is needed (leave it unset for all bundled models)");
        }
        for (Task task : tasks) {
            int available;
            try {
                available = task.models().size();
            } catch (RuntimeException | LinkageError zooNotLoaded) {
                return;
            }
            if (models > available) {
                throw new IllegalArgumentException("@ExplainerSanityTest(models) = " + models + ": the " + task.id()
                        + " task has only " + available + (available == 1 ? " model" : " models"));
            }
        }
    }

    /**
     * Each task given its parameters from {@code explainunit.<task id>.<parameter>}, e.g.
     * {@code explainunit.sentiment.model}; a task without such keys is kept as it is.
     */
    private List<Task> configured(List<Task> tasks) {
        List<Task> configured = new ArrayList<>();
        for (Task task : tasks) {
            String prefix = task.id() + ".";
            try {
                configured.add(task.configured(name -> config(prefix + name)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("configuration parameters " + PREFIX + prefix + "* ("
                        + String.join(", ", task.parameters().stream().sorted().toList()) + "): " + e.getMessage());
            }
        }
        return configured;
    }

    /** The {@code explainunit.*} keys among {@code keys} that nothing reads (typos such as explainunit.sample), sorted. */
    public static List<String> unknownKeys(Set<String> keys) {
        Set<String> taskKeys = new HashSet<>();
        if (keys.stream().anyMatch(k -> k.startsWith(PREFIX) && !KNOWN_KEYS.contains(k.substring(PREFIX.length())))) {
            taskKeys.addAll(taskKeys());
        }
        return keys.stream().filter(k -> k.startsWith(PREFIX)).map(k -> k.substring(PREFIX.length()))
                .filter(k -> !KNOWN_KEYS.contains(k) && !taskKeys.contains(k)).map(k -> PREFIX + k).sorted().toList();
    }

    /** The tasks' own keys without the prefix, {@code sentiment.model}, ...; those of a task that cannot be loaded are left out. */
    private static Set<String> taskKeys() {
        Set<String> taskKeys = new HashSet<>();
        try {
            for (Task task : Tasks.all().values()) {
                task.parameters().forEach(p -> taskKeys.add(task.id() + "." + p));
            }
        } catch (IllegalStateException unloadable) {
            // a task that cannot be loaded is reported where it is used
        }
        return taskKeys;
    }

    /**
     * The warning for an unknown key ({@link #unknownKeys}), with the key it most likely stands for:
     * "ExplainUnit: unknown configuration parameter explainunit.sampels is ignored; did you mean
     * explainunit.samples? (the keys are in checks.md)".
     */
    public static String unknownKeyWarning(String key) {
        Set<String> known = new java.util.TreeSet<>(KNOWN_KEYS);
        known.addAll(taskKeys());
        String bare = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
        List<String> close = Suggestions.closest(bare, known);
        return "ExplainUnit: unknown configuration parameter " + key + " is ignored"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close.stream().map(k -> PREFIX + k)
                .toList()) + "?") + " (the keys are in checks.md)";
    }

    /** The explainer ids to test: the annotation's, else {@code explainunit.explainers}, else none. */
    public List<String> explainerIds(ExplainerSanityTest annotation) {
        if (annotation.explainers().length > 0) {
            return List.of(annotation.explainers());
        }
        return config("explainers").map(v -> java.util.Arrays.stream(v.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList()).orElse(List.of());
    }

    private Optional<String> config(String key) {
        return config.apply(PREFIX + key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private int intConfig(String key, int fallback) {
        return config(key).map(v -> parse(key, v, Integer::parseInt)).orElse(fallback);
    }

    private long longConfig(String key, long fallback) {
        return config(key).map(v -> parse(key, v, Long::parseLong)).orElse(fallback);
    }

    private double pick(double attribute, String key, double fallback) {
        if (!Double.isNaN(attribute)) {
            return attribute;
        }
        return config(key).map(v -> {
            double value = parse(key, v, Double::parseDouble);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(names.apply(key) + " = [" + v + "] is not a finite number");
            }
            return value;
        }).orElse(fallback);
    }

    /** The names of the thresholds, as in {@code explainunit.threshold.<name>}: correlation, mass, ... */
    public static List<String> thresholdNames() {
        return KNOWN_KEYS.stream().filter(k -> k.startsWith(THRESHOLD)).map(k -> k.substring(THRESHOLD.length()))
                .sorted().toList();
    }

    private static final String THRESHOLD = "threshold.";

    private <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(names.apply(key) + " = [" + value + "] is not a number");
        }
    }

    private static List<Task> annotationTasks(String[] ids) {
        List<Task> tasks = new ArrayList<>();
        for (String id : ids) {
            try {
                tasks.add(Tasks.byId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("@ExplainerSanityTest(tasks): " + e.getMessage());
            }
        }
        return tasks;
    }

    static List<Task> tasks(String value) {
        List<Task> tasks = new ArrayList<>();
        for (String id : value.split(",")) {
            try {
                tasks.add(Tasks.byId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("configuration parameter " + PREFIX + "tasks: " + e.getMessage());
            }
        }
        return tasks;
    }

    /** The checks named in {@code value}, comma-separated, by id, constant or display name. */
    Set<Check> checks(String value) {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (String name : value.split(",")) {
            String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            try {
                checks.add(Check.valueOf(key));
            } catch (IllegalArgumentException e) {
                List<String> ids = java.util.Arrays.stream(Check.values()).map(Check::id).toList();
                List<String> close = Suggestions.closest(name.strip().toLowerCase(Locale.ROOT).replace('_', '-')
                        .replace(' ', '-'), ids);
                throw new IllegalArgumentException(names.apply("checks") + ": unknown check [" + name.strip() + "]"
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                        + " The checks: " + String.join(", ", ids));
            }
        }
        return checks;
    }
}
