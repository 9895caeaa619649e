package dev.explainunit.process;

import static dev.explainunit.process.ProcessExplainerTest.samples;
import static dev.explainunit.process.ProcessExplainerTest.toyModels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.explainunit.Sequence;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.toy.ToyTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an explainer process can fail ends in an exception naming the command and quoting its stderr. */
class ProcessExplainerFaultsTest {

    private final RecurrentNetwork model = toyModels(ToyTask.ADDITION, 1).get(0);
    private final Sequence input = samples(ToyTask.ADDITION, 1).get(0);

    @BeforeEach
    void needsPython() {
        PythonExplainers.assumePythonWithNumpy();
    }

    private ProcessExplainerException failure(ProcessExplainer explainer) {
        return catchThrowableOfType(ProcessExplainerException.class, () -> explainer.explain(model, input, 0));
    }

    private static ProcessExplainer faulty(String mode) {
        return ProcessExplainer.builder(PythonExplainers.command("faults.py", mode))
                .handshakeLimit(Duration.ofSeconds(20)).timeLimit(Duration.ofSeconds(20)).build();
    }

    @Test
    void a_command_that_cannot_be_started_is_named_and_stands_in_for_the_id() {
        try (ProcessExplainer explainer = ProcessExplainer.of("no-such-explainer-program", "--flag")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageStartingWith("explainer process [no-such-explainer-program --flag] could not be started:")
                    .hasMessageContaining("no-such-explainer-program");
            assertThat(explainer.id()).isEqualTo("no-such-explainer-program --flag");
        }
    }

    @Test
    void a_process_that_exits_before_the_handshake_is_reported_with_its_exit_code_and_stderr() {
        try (ProcessExplainer explainer = faulty("crash-on-start")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageStartingWith("explainer process [" + PythonExplainers.commandLine("faults.py", "crash-on-start")
                            + "] exited with code 4 during the handshake")
                    .hasMessageContaining("  | cannot load the weights of my method");
        }
    }

    @Test
    void a_process_that_never_answers_the_handshake_is_killed_after_the_handshake_limit() {
        try (ProcessExplainer explainer = ProcessExplainer.builder(PythonExplainers.command("faults.py", "silent"))
                .handshakeLimit(Duration.ofMillis(2500)).build()) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "silent") + "]")
                    .hasMessageContaining("did not answer the handshake within 2500 ms and was killed")
                    .hasMessageContaining("  | faults.py starting in mode silent");
            assertThat(PythonExplainers.descendants("faults.py silent")).isEmpty();
        }
    }

    @Test
    void a_broken_first_handshake_is_not_retried_on_every_call(@TempDir Path folder) throws Exception {
        Path starts = folder.resolve("starts");
        try (ProcessExplainer explainer = ProcessExplainer.builder(PythonExplainers.command("faults.py", "silent",
                starts.toString())).handshakeLimit(Duration.ofMillis(3000)).build()) {
            failure(explainer);
            ProcessExplainerException again = failure(explainer);

            assertThat(again).hasMessageContaining("did not answer the handshake within 3 s and was killed (not restarted)");
            assertThat(Files.readAllLines(starts)).hasSize(1);
        }
    }

    @Test
    void output_that_is_not_a_protocol_message_is_quoted() {
        try (ProcessExplainer explainer = faulty("garbage")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "garbage") + "] answered the"
                            + " handshake with something that is not a protocol message: [Loading my explainer... done]")
                    .hasMessageContaining("  | faults.py starting in mode garbage");
        }
    }

    @Test
    void a_process_speaking_another_protocol_version_is_refused() {
        try (ProcessExplainer explainer = faulty("wrong-protocol")) {
            assertThat(failure(explainer)).hasMessageContaining("answered the handshake with protocol [99]; this side speaks 1");
        }
    }

    @Test
    void relevance_of_the_wrong_shape_is_refused_by_the_python_side_naming_both_shapes() {
        try (ProcessExplainer explainer = faulty("wrong-shape")) {
            ProcessExplainerException e = failure(explainer);

            int t = input.length();
            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "wrong-shape") + "] reported an"
                    + " error on an explain request: explain returned relevance of shape (" + (t + 1) + ",) for input 0 of"
                    + " shape (" + t + ", 2); expected (" + t + ",) or (" + t + ", 2)");
        }
    }

    @Test
    void a_reply_whose_payload_does_not_fit_the_request_is_refused_with_both_sizes() {
        try (ProcessExplainer explainer = faulty("wrong-payload")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("answered an explain request with 8 payload bytes, expected "
                    + 8 * input.length());
            assertThat(PythonExplainers.descendants("faults.py wrong-payload")).isEmpty();
        }
    }

    @Test
    void a_process_that_exits_mid_run_is_reported_with_its_exit_code_and_what_it_printed() {
        try (ProcessExplainer explainer = faulty("exit")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "exit") + "] exited with code 7"
                            + " during an explain request")
                    .hasMessageContaining("  | explaining input of length " + input.length() + ", then dying");
            assertThat(e.stderrTail()).contains("faults.py starting in mode exit");
        }
    }

    @Test
    void a_process_lost_again_and_again_is_given_up_after_the_budget() {
        try (ProcessExplainer explainer = faulty("exit")) {
            for (int k = 0; k < ProcessExplainer.LOST_PROCESS_BUDGET; k++) {
                assertThat(failure(explainer)).hasMessageNotContaining("not restarted");
            }
            assertThat(failure(explainer)).hasMessageContaining("processes were lost (not restarted)");
        }
    }

    @Test
    void an_exception_in_the_users_method_is_reported_with_its_traceback_and_the_process_stays_ready() {
        try (ProcessExplainer explainer = faulty("error")) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "error") + "] reported an error on"
                            + " an explain request: ValueError: relevance undefined for target 0")
                    .hasMessageContaining("raise ValueError(")
                    .hasMessageContaining("faults.py\", line")
                    .hasMessageNotContaining("explainunit_bridge.py");
            assertThat(PythonExplainers.descendants("faults.py error")).hasSize(1);
            assertThat(failure(explainer)).hasMessageContaining("relevance undefined for target 0");
            assertThat(PythonExplainers.descendants("faults.py error")).hasSize(1);
        }
    }

    @Test
    void a_process_that_hangs_past_the_time_limit_is_killed_and_reported() {
        try (ProcessExplainer explainer = ProcessExplainer.builder(PythonExplainers.command("faults.py", "hang"))
                .timeLimit(Duration.ofMillis(1500)).build()) {
            ProcessExplainerException e = failure(explainer);

            assertThat(e).hasMessageContaining("[" + PythonExplainers.commandLine("faults.py", "hang") + "] did not answer an"
                            + " explain request within 1500 ms and was killed")
                    .hasMessageContaining("  | thinking forever");
            assertThat(PythonExplainers.descendants("faults.py hang")).isEmpty();
        }
    }

    @Test
    void a_large_request_that_stalls_is_stopped_after_twice_the_limit_plus_its_time_at_the_rate_observed()
            throws Exception {
        List<Sequence> inputs = samples(ToyTask.ADDITION, 300);
        try (ProcessExplainer explainer = ProcessExplainer.builder(PythonExplainers.command("faults.py", "hang-after",
                "100")).timeLimit(Duration.ofSeconds(1)).build()) {
            // one input first, then 299 in one request, which hangs at its 100th: the limit per input
            // would give it 299 s; the bound of this test is far below that
            CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(
                    () -> catchThrowable(() -> explainer.explain(model, inputs, new int[inputs.size()])));
            Throwable e = call.get(60, TimeUnit.SECONDS);

            assertThat(e).isInstanceOf(ProcessExplainerException.class)
                    .hasMessageContaining("did not answer an explain request of 299 inputs within ")
                    .hasMessageContaining(" (twice the limit of 1 s per call, plus 299 inputs at the ")
                    .hasMessageContaining(" each that earlier calls took) and was killed");
        }
    }

    @Test
    void an_interrupted_call_kills_its_process_and_keeps_the_interrupt(@TempDir Path folder) throws Exception {
        Path underWay = folder.resolve("under-way");
        String[] command = PythonExplainers.command("faults.py", "hang", underWay.toString());
        try (ProcessExplainer explainer = faulty("zeros")) {
            ProcessExplainer hanging = ProcessExplainer.of(command);
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    hanging.explain(model, input, 0);
                } catch (Throwable t) {
                    thrown.set(t);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            for (int k = 0; k < 300 && !Files.exists(underWay); k++) {
                Thread.sleep(100);
            }
            assertThat(underWay).as("the hanging call started").exists();

            caller.interrupt();
            caller.join(10_000);

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(ProcessExplainerException.class)
                    .hasMessageContaining("was killed during an explain request because the calling thread was interrupted");
            assertThat(stillInterrupted.get()).isTrue();
            assertThat(PythonExplainers.descendants("faults.py hang")).isEmpty();
            hanging.close();
            assertThat(explainer.explain(model, input, 0).length()).isEqualTo(input.length());
        }
    }

    @Test
    void no_process_or_descendant_survives_close_even_one_that_ignores_the_goodbye() throws Exception {
        ProcessExplainer explainer = ProcessExplainer.builder(PythonExplainers.command("faults.py", "orphan"))
                .shutdownGrace(Duration.ofMillis(300)).build();
        explainer.explain(model, input, 0);
        List<ProcessHandle> started = PythonExplainers.descendants("");
        assertThat(started).anyMatch(p -> p.info().commandLine().orElse("").contains("faults.py orphan"))
                .anyMatch(p -> p.info().commandLine().orElse("").contains("sleep 600"));

        explainer.close();

        for (ProcessHandle process : started) {
            process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("%s", process.info().commandLine()).isFalse();
        }
    }

    @Test
    void a_closed_explainer_refuses_further_calls() {
        ProcessExplainer explainer = ProcessExplainer.of(PythonExplainers.command("zeros.py"));
        explainer.explain(model, input, 0);
        explainer.close();

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> explainer.explain(model, input, 0)))
                .hasMessageContaining("was closed");
        assertThat(explainer.id()).isEqualTo("zeros");
    }
}
