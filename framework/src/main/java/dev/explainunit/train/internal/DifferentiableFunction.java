package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/** A smooth function R^n → R whose gradient is computed together with its value. */
@API(status = API.Status.INTERNAL, since = "0.1")
public interface DifferentiableFunction {

    /** n, the number of variables. */
    int dimension();

    /**
     * f(x), writing ∇f(x) into {@code gradient} (length n, overwritten). {@code x} is not modified.
     * May return a non-finite value where f is not defined; the minimiser then backs off.
     */
    double valueAndGradient(double[] x, double[] gradient);
}
