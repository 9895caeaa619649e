package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import dev.explainunit.internal.AtomicFiles;
import dev.explainunit.report.internal.Numbers;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.apiguardian.api.API;

/**
 * Writes {@code report.json}, {@code report.md} and {@code report.html} into a directory. Each file
 * is written to a temporary file and moved into place, so a reader never sees half a report.
 *
 * <p>{@link #merge} lets several JVMs (surefire forks) add to one report: it takes an exclusive
 * file lock on {@code .explainunit.lock} in the directory, reads the existing {@code report.json},
 * merges, and writes all three files before releasing the lock. The lock file stays in the
 * directory: deleting it would let a JVM still waiting for the lock on the old file and a new JVM
 * that creates a fresh one hold "the" lock at the same time.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReportFiles {

    /** Where the test engine's report goes: configuration parameter or system property. */
    public static final String DIR_KEY = "explainunit.report.dir";
    /** The report's directory unless {@value #DIR_KEY} says otherwise. */
    public static final String DEFAULT_DIR = "target/explainunit";

    public static final String JSON = "report.json";
    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    private static final String LOCK = ".explainunit.lock";

    /** File locks are per JVM; threads of one JVM queue here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private ReportFiles() {
    }

    /** Writes the three files for {@code report} into {@code dir} (created if missing), replacing old ones. */
    public static void write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(dir.resolve(JSON), ReportJson.toJson(report));
        writeAtomically(dir.resolve(MARKDOWN), MarkdownReportWriter.render(report));
        writeAtomically(dir.resolve(HTML), HtmlReportWriter.render(report));
    }

    /**
     * Adds {@code report} to the report in {@code dir} under an exclusive lock, and returns what was
     * written. An existing report of the same {@link RunInfo#runId()} is merged (its check outcomes
     * are kept unless {@code report} has the same explainer/task/check); one of another run, or an
     * unreadable one, is replaced.
     */
    public static Report merge(Report report, Path dir) throws IOException {
        return merge(report, dir, false);
    }

    /**
     * As {@link #merge(Report, Path)}; with {@code rerun} (the run checked only some of its classes'
     * checks), an existing report of the test engine is merged whatever its run id, so that a rerun of
     * one check updates that check and keeps the others, with a note saying which checks were rerun.
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    @SuppressWarnings("try") // the lock is held for the try block and never read
    public static Report merge(Report report, Path dir, boolean rerun) throws IOException {
        Files.createDirectories(dir);
        IN_PROCESS.lock();
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Report merged = report;
            Path json = dir.resolve(JSON);
            if (Files.isRegularFile(json)) {
                Report existing = readQuietly(json);
                if (existing != null && sameRun(existing, report)) {
                    merged = merge(existing, report);
                } else if (existing != null && rerun && sameSource(existing, report)) {
                    merged = withRerunNote(merge(existing, report), existing, report);
                }
            }
            write(merged, dir);
            return merged;
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /**
     * {@code older} with {@code newer} laid over it: check outcomes keyed by explainer/task/check (the
     * newer where both have one), each kind of section merged ({@link ReportSection#mergedWith}),
     * notes and tasks united.
     */
    public static Report merge(Report older, Report newer) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        older.checks().forEach(c -> checks.put(c.key(), c));
        newer.checks().forEach(c -> checks.put(c.key(), c));
        List<String> notes = new ArrayList<>(older.notes());
        newer.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        Map<Class<?>, ReportSection> sections = new LinkedHashMap<>();
        older.sections().forEach(s -> sections.put(s.getClass(), s));
        newer.sections().forEach(s -> sections.merge(s.getClass(), s, ReportSection::mergedWith));
        return new Report(Report.FORMAT_VERSION, mergeRun(older.run(), newer.run()), new ArrayList<>(checks.values()),
                notes, new ArrayList<>(sections.values()));
    }

    private static RunInfo mergeRun(RunInfo older, RunInfo newer) {
        if (older == null || newer == null) {
            return newer == null ? older : newer;
        }
        List<String> tasks = new ArrayList<>(older.tasks());
        newer.tasks().stream().filter(t -> !tasks.contains(t)).forEach(tasks::add);
        return new RunInfo(newer.tool(), newer.source(), newer.seed(), Math.max(older.samples(), newer.samples()),
                Math.max(older.models(), newer.models()), tasks, newer.date(),
                older.wallSeconds() + newer.wallSeconds(), newer.runId());
    }

    private static boolean sameSource(Report existing, Report report) {
        return existing.run() != null && report.run() != null
                && Objects.equals(existing.run().source(), report.run().source());
    }

    /** Prefix of the note a rerun leaves; a later rerun replaces it. */
    static final String RERUN_NOTE = "Rerun of ";

    /** {@code merged} with a note naming the rerun's checks and when the others ran. */
    private static Report withRerunNote(Report merged, Report existing, Report rerun) {
        List<String> notes = new ArrayList<>(merged.notes());
        notes.removeIf(n -> n.startsWith(RERUN_NOTE));
        List<String> keys = rerun.checks().stream().map(c -> c.explainerId() + " · " + c.task() + " · "
                + c.check().id()).toList();
        String shown = keys.size() <= 5 ? String.join(", ", keys) : String.join(", ", keys.subList(0, 5)) + ", …";
        notes.add(RERUN_NOTE + keys.size() + (keys.size() == 1 ? " check" : " checks") + " on "
                + Numbers.dateToSeconds(rerun.run().date()) + ": " + shown + "; the other checks are from the run of "
                + Numbers.dateToSeconds(existing.run().date()) + ".");
        return new Report(merged.formatVersion(), merged.run(), merged.checks(), notes, merged.sections());
    }

    private static boolean sameRun(Report existing, Report report) {
        return existing.run() != null && report.run() != null && report.run().runId() != null
                && Objects.equals(existing.run().runId(), report.run().runId());
    }

    private static Report readQuietly(Path json) {
        try {
            return ReportJson.read(json);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeAtomically(Path target, String content) throws IOException {
        AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
    }
}
