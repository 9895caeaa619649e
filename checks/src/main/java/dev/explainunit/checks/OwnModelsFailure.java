package dev.explainunit.checks;

import dev.explainunit.checks.internal.GuardedParallel;
import java.util.concurrent.ExecutionException;

/**
 * Why a check that explains inputs of its own (randomised models, composition probes) could not
 * compute its statistic: the explainer hung, broke the contract or threw. What the explainer threw
 * is kept on the population as the exception that decided the check, so that the failed test
 * shows its frames as the cause, as it does for the checks on the shared explanations.
 */
final class OwnModelsFailure {

    private OwnModelsFailure() {
    }

    /**
     * The failure text for {@code e}, thrown by {@link GuardedParallel#run} while explaining
     * {@code where} (e.g. "a randomised model"); records what the explainer threw for {@code check}.
     */
    static String of(Exception e, ExplainedPopulation p, Check check, String where) {
        if (e instanceof GuardedParallel.HangException) {
            return "explainer [" + p.explainerId() + "] hung on " + where + ": " + e.getMessage();
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        if (cause instanceof ContractViolationException broken) {
            if (broken.getCause() != null) {
                p.thrownDeciding(check, broken.getCause());
            }
            return broken.violation().message();
        }
        p.thrownDeciding(check, cause);
        return "explainer [" + p.explainerId() + "] threw " + cause + " on " + where;
    }
}
