package dev.explainunit.checks;

import dev.explainunit.checks.internal.GuardedParallel;
import org.apiguardian.api.API;

/**
 * Thrown by {@link GuardedExplainer} (and, inside the checks, to stop a population's evaluation)
 * when an explainer breaks the contract; its cause is the exception the explainer threw, if it
 * threw.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ContractViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ContractViolation violation;

    ContractViolationException(ContractViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    ContractViolationException(ContractViolation violation, Throwable thrownByExplainer) {
        super(violation.message(), thrownByExplainer);
        this.violation = violation;
    }

    /**
     * What a failed {@link GuardedParallel#run} of explainer {@code id}'s calls means for its
     * contract: a call that hung; what a call threw ({@code failedTo}: "could not be evaluated"),
     * unless that already was a contract violation, which is returned as it is; or an interrupted
     * run, whose thread is interrupted again.
     */
    static ContractViolationException of(String id, Exception failure, String failedTo) {
        if (failure instanceof GuardedParallel.HangException hang) {
            return new ContractViolationException(ContractViolation.hung(id, hang.getMessage(), hang.call()));
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new ContractViolationException(ContractViolation.interrupted(id));
        }
        Throwable cause = failure.getCause();
        return cause instanceof ContractViolationException violation ? violation
                : new ContractViolationException(ContractViolation.notEvaluated(id, failedTo, cause), cause);
    }

    /** How the contract was broken. */
    public ContractViolation violation() {
        return violation;
    }
}
