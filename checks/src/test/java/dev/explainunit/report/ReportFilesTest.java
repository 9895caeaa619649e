package dev.explainunit.report;

import dev.explainunit.checks.CheckResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void write_produces_the_three_files_and_no_temporary_leftovers() throws Exception {
        ReportFiles.write(ReportFixtures.full(), dir);

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    "report.md", "report.html");
        }
    }

    @Test
    void merge_within_one_run_keeps_the_outcomes_of_both_writers() throws Exception {
        ReportFiles.merge(Report.ofChecks(ReportFixtures.run("build-1"),
                List.of(ReportFixtures.passing("a", "addition", "relevant-mass"))), dir);
        ReportFiles.merge(Report.ofChecks(ReportFixtures.run("build-1"),
                List.of(ReportFixtures.failing("b", "addition", "relevant-mass"))), dir);

        Report merged = ReportJson.read(dir.resolve("report.json"));
        assertThat(merged.checks()).extracting(CheckResult::key).containsExactly("a/addition/relevant-mass", "b/addition/relevant-mass");
        assertThat(merged.run().wallSeconds()).isEqualTo(3.0);
        assertThat(Files.readString(dir.resolve("report.md"))).contains("1 of 2 checks failed");
    }

    @Test
    void merge_replaces_a_report_left_by_an_earlier_run() throws Exception {
        ReportFiles.merge(Report.ofChecks(ReportFixtures.run("build-1"),
                List.of(ReportFixtures.failing("a", "addition", "relevant-mass"))), dir);
        ReportFiles.merge(Report.ofChecks(ReportFixtures.run("build-2"),
                List.of(ReportFixtures.passing("b", "addition", "relevant-mass"))), dir);

        assertThat(ReportJson.read(dir.resolve("report.json")).checks()).extracting(CheckResult::key)
                .containsExactly("b/addition/relevant-mass");
    }

    @Test
    void merge_replaces_an_unreadable_report_instead_of_failing() throws Exception {
        Files.writeString(dir.resolve("report.json"), "{ not json");

        ReportFiles.merge(ReportFixtures.checksOnly("build-1"), dir);

        assertThat(ReportJson.read(dir.resolve("report.json")).checks()).hasSize(4);
    }

    @Test
    void concurrent_merges_lose_no_outcome() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Report>> futures = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Report r = Report.ofChecks(ReportFixtures.run("build-1"),
                        List.of(ReportFixtures.passing("e" + i, "addition", "contract")));
                futures.add(pool.submit(() -> ReportFiles.merge(r, dir)));
            }
            for (Future<Report> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(ReportJson.read(dir.resolve("report.json")).checks()).hasSize(12);
    }

    @Test
    void merges_from_separate_jvms_lose_no_outcome() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), MergeFromAnotherJvm.class.getName(), dir.toString(),
                    "jvm" + i).inheritIO().start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor()).isZero();
        }

        assertThat(ReportJson.read(dir.resolve("report.json")).checks()).hasSize(3 * MergeFromAnotherJvm.REPORTS);
    }

    /** Entry point of the child JVMs of {@link #merges_from_separate_jvms_lose_no_outcome}. */
    static final class MergeFromAnotherJvm {
        static final int REPORTS = 5;

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < REPORTS; i++) {
                ReportFiles.merge(Report.ofChecks(ReportFixtures.run("build-1"),
                        List.of(ReportFixtures.passing(args[1] + "-" + i, "addition", "contract"))), Path.of(args[0]));
            }
        }
    }
}
