package dev.explainunit.task;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Finds {@link Task}s through {@link ServiceLoader} ({@code META-INF/services/dev.explainunit.task.Task})
 * on the thread's context class loader: the framework's own ({@code addition}, {@code subtraction})
 * and any a user registers.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Tasks {

    private Tasks() {
    }

    /**
     * Every registered task by id, in class-path order.
     *
     * @throws IllegalStateException naming the provider that could not be loaded, or an id two tasks share
     */
    public static Map<String, Task> all() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Iterator<Task> found = ServiceLoader.load(Task.class, loader == null ? Tasks.class.getClassLoader() : loader)
                .iterator();
        Map<String, Task> tasks = new LinkedHashMap<>();
        while (true) {
            Task task;
            try {
                if (!found.hasNext()) {
                    break;
                }
                task = found.next();
            } catch (ServiceConfigurationError e) {
                throw new IllegalStateException("a task listed in META-INF/services/" + Task.class.getName()
                        + " could not be loaded: " + e.getMessage(), e);
            }
            Task previous = tasks.putIfAbsent(task.id(), task);
            if (previous != null && previous.getClass() != task.getClass()) {
                throw new IllegalStateException("two tasks have the id [" + task.id() + "]: "
                        + previous.getClass().getName() + " and " + task.getClass().getName());
            }
        }
        return tasks;
    }

    /** The registered tasks that {@linkplain Task#runsByDefault() run by default}, in class-path order. */
    public static List<Task> defaults() {
        return all().values().stream().filter(Task::runsByDefault).toList();
    }

    /**
     * The task with {@code id} (surrounding blanks ignored, case-insensitive).
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static Task byId(String id) {
        Map<String, Task> tasks = all();
        if (id != null) {
            for (Task task : tasks.values()) {
                if (task.id().equalsIgnoreCase(id.strip())) {
                    return task;
                }
            }
        }
        throw new IllegalArgumentException("unknown task [" + id + "]; known tasks: " + String.join(", ",
                tasks.keySet()) + " (a task of your own is found through META-INF/services/" + Task.class.getName()
                + ")");
    }

    /** The tasks with these ids, in this order. */
    public static List<Task> byIds(List<String> ids) {
        List<Task> tasks = new ArrayList<>();
        for (String id : ids) {
            tasks.add(byId(id));
        }
        return tasks;
    }
}
