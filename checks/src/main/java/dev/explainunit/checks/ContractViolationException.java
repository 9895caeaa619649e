package dev.explainunit.checks;

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

    /** How the contract was broken. */
    public ContractViolation violation() {
        return violation;
    }
}
