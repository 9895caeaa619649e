package dev.explainunit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders report.html in headless Chromium (Debian package {@code chromium}) and checks what a
 * browser makes of it: the parsed DOM has the tables and plots, and the screenshot shows the
 * heatmaps' red and blue. Skipped where Chromium is not installed.
 */
class HtmlReportChromiumTest {

    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");

    @TempDir
    Path dir;

    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "Chromium not found at " + CANDIDATES
                + "; install the Debian package 'chromium' to run the report rendering test");
        chromium = found.get();
    }

    @Test
    void browser_parses_every_table_and_plot_of_the_report() throws Exception {
        ReportFiles.write(ReportFixtures.full(), dir);

        String dom = run("--dump-dom", page().toUri().toString());

        assertThat(dom).contains("<h1>ExplainUnit report</h1>");
        // 2 failure heatmaps + 1 example heatmap + 4 scatter plots + 2 selectivity panels
        assertThat(HtmlReportWriterTest.count(dom, "<svg ")).isEqualTo(9);
        // verdict matrix + Table 2 for addition and subtraction
        assertThat(HtmlReportWriterTest.count(dom, "<table")).isEqualTo(3);
        // matrix: 2 header rows + 2 explainers; Table 2: header + 2 rows, header + 1 row
        assertThat(HtmlReportWriterTest.count(dom, "<tr")).isEqualTo(4 + 3 + 2);
        // 100 scatter points in each task's two plots
        assertThat(HtmlReportWriterTest.count(dom, "<circle")).isGreaterThanOrEqualTo(200);
    }

    @Test
    void screenshot_shows_the_heatmaps_in_the_papers_red_and_blue() throws Exception {
        ReportFiles.write(ReportFixtures.full(), dir);
        Path png = dir.resolve("report.png");

        run("--screenshot=" + png, "--window-size=1400,2600", page().toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("screenshot %s", png).isNotNull();
        assertThat(countPixels(image, 0xd62728)).as("full-intensity red heatmap cells").isGreaterThan(100);
        assertThat(countPixels(image, 0x2166d4)).as("full-intensity blue heatmap cells").isGreaterThan(100);
    }

    @Test
    void browser_parses_the_sentiment_sections_tables_heatmaps_and_projections() throws Exception {
        ReportFiles.write(SentimentReportFixtures.sentimentOnly(), dir);

        String dom = run("--dump-dom", page().toUri().toString());

        assertThat(dom).contains("id=\"table3\"", "id=\"table4\"", "id=\"table5\"", "id=\"figure1\"");
        assertThat(HtmlReportWriterTest.count(dom, "<svg ")).as("Figure 1 panels").isEqualTo(3);
        // 6 sentences' points in each of the 3 panels
        assertThat(HtmlReportWriterTest.count(dom, "<circle")).isGreaterThanOrEqualTo(18);
        // Table 4: 2 heatmap rows (the composition without samples is named, not drawn); Table 5: 2 methods
        assertThat(HtmlReportWriterTest.count(dom, "class=\"word-heatmap\"")).isEqualTo(2 + 2);
    }

    private Path page() {
        return dir.resolve(ReportFiles.HTML);
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(args));
        // Output goes to files, not pipes: a hung Chromium then cannot block a read, only the bounded wait.
        File log = dir.resolve("chromium.log").toFile();
        File stdout = Files.createTempFile(dir, "chromium", ".out").toFile();
        Process process = new ProcessBuilder(command).redirectError(log).redirectOutput(stdout).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("Chromium did not finish within 120 s: " + command);
        }
        assertThat(process.exitValue()).as("Chromium exit code; its log: %s", Files.readString(log.toPath()))
                .isZero();
        return Files.readString(stdout.toPath(), StandardCharsets.UTF_8);
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
