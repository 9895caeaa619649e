package dev.explainunit.train.internal;

import org.apiguardian.api.API;

/**
 * Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, 2nd ed., algorithms 7.4 and
 * 7.5) with a strong Wolfe line search ({@link StrongWolfeLineSearch}).
 *
 * <pre>
 *   p_k = −H_k ∇f_k            two-loop recursion over the last m pairs
 *   s_k = x_{k+1} − x_k,  y_k = ∇f_{k+1} − ∇f_k,  ρ_k = 1 / (y_kᵀ s_k)
 *   H_k⁰ = (s_{k−1}ᵀ y_{k−1} / y_{k−1}ᵀ y_{k−1}) I
 * </pre>
 *
 * The first step (and the first after a reset) tries α = min(1, 1/‖∇f‖); later ones α = 1. If a
 * line search finds no decrease the memory is dropped and steepest descent tried once; if that
 * fails too the run ends with {@link Termination#NO_PROGRESS}. Each call to {@link #minimize}
 * allocates its workspaces once; iterations allocate nothing.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Lbfgs {

    /** Why a run ended. */
    public enum Termination {
        /** The monitor asked to stop. */
        STOPPED_BY_MONITOR,
        /** ‖∇f‖ fell to the tolerance. */
        GRADIENT_VANISHED,
        /** No step along steepest descent decreased f (a minimum to machine precision). */
        NO_PROGRESS,
        /** The evaluation budget ran out. */
        MAX_EVALUATIONS
    }

    /** Watches the iterations and may stop the run. */
    @FunctionalInterface
    public interface Monitor {
        /**
         * Called after every iteration with the current point (do not modify it).
         *
         * @return false to stop
         */
        boolean proceed(int iteration, int evaluations, double[] x, double value);
    }

    /** The end point of a run. */
    public record Result(double[] x, double value, int iterations, int evaluations, Termination termination) {
    }

    private static final int LINE_SEARCH_EVALUATIONS = 25;

    private final int memory;
    private final int maxEvaluations;
    private final double gradientTolerance;

    /**
     * @param memory            m, the number of correction pairs kept (e.g. 10)
     * @param maxEvaluations    budget of function evaluations
     * @param gradientTolerance stop when ‖∇f‖ ≤ this
     */
    public Lbfgs(int memory, int maxEvaluations, double gradientTolerance) {
        if (memory < 1 || maxEvaluations < 1 || !(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("L-BFGS needs memory >= 1, maxEvaluations >= 1 and gradientTolerance >= 0, got "
                    + memory + ", " + maxEvaluations + ", " + gradientTolerance);
        }
        this.memory = memory;
        this.maxEvaluations = maxEvaluations;
        this.gradientTolerance = gradientTolerance;
    }

    /**
     * Minimises {@code f} from {@code start} (not modified).
     *
     * @throws IllegalArgumentException if f is not finite at the start
     */
    public Result minimize(DifferentiableFunction f, double[] start, Monitor monitor) {
        int n = f.dimension();
        if (start.length != n) {
            throw new IllegalArgumentException("start point has " + start.length + " values, the function takes " + n);
        }
        double[] x = start.clone();
        double[] g = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] p = new double[n];
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        StrongWolfeLineSearch lineSearch = new StrongWolfeLineSearch(n);

        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            throw new IllegalArgumentException("the objective is not finite at the start point: " + fx);
        }
        int stored = 0;
        int newest = -1;
        int iteration = 0;
        while (true) {
            double gradientNorm = Math.sqrt(StrongWolfeLineSearch.dot(g, g));
            if (gradientNorm <= gradientTolerance) {
                return new Result(x, fx, iteration, evaluations, Termination.GRADIENT_VANISHED);
            }
            twoLoop(g, s, y, rho, alpha, stored, newest, p);
            double slope = StrongWolfeLineSearch.dot(g, p);
            if (!(slope < 0)) {
                stored = 0;
                for (int k = 0; k < n; k++) {
                    p[k] = -g[k];
                }
                slope = -gradientNorm * gradientNorm;
            }
            double alpha1 = stored == 0 ? Math.min(1.0, 1.0 / gradientNorm) : 1.0;
            int budget = Math.min(LINE_SEARCH_EVALUATIONS, maxEvaluations - evaluations);
            if (budget <= 0) {
                return new Result(x, fx, iteration, evaluations, Termination.MAX_EVALUATIONS);
            }
            double step = lineSearch.search(f, x, fx, g, p, alpha1, budget, xNew, gNew);
            evaluations += lineSearch.evaluations();
            if (step == 0) {
                if (stored == 0) {
                    return new Result(x, fx, iteration, evaluations, Termination.NO_PROGRESS);
                }
                stored = 0;
                continue;
            }
            int slot = (newest + 1) % memory;
            double sy = 0;
            double yy = 0;
            for (int k = 0; k < n; k++) {
                s[slot][k] = xNew[k] - x[k];
                y[slot][k] = gNew[k] - g[k];
                sy += s[slot][k] * y[slot][k];
                yy += y[slot][k] * y[slot][k];
            }
            // the strong Wolfe curvature condition gives sᵀy > 0; keep the pair only if it is usable
            if (sy > 1e-300 && yy > 0) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = lineSearch.value();
            iteration++;
            if (!monitor.proceed(iteration, evaluations, x, fx)) {
                return new Result(x, fx, iteration, evaluations, Termination.STOPPED_BY_MONITOR);
            }
            if (evaluations >= maxEvaluations) {
                return new Result(x, fx, iteration, evaluations, Termination.MAX_EVALUATIONS);
            }
        }
    }

    /** p = −H g by the two-loop recursion over the {@code stored} newest pairs (algorithm 7.4). */
    private void twoLoop(double[] g, double[][] s, double[][] y, double[] rho, double[] alpha, int stored, int newest,
                         double[] p) {
        int n = g.length;
        for (int k = 0; k < n; k++) {
            p[k] = -g[k];
        }
        if (stored == 0) {
            return;
        }
        for (int back = 0; back < stored; back++) {
            int slot = Math.floorMod(newest - back, memory);
            alpha[slot] = rho[slot] * StrongWolfeLineSearch.dot(s[slot], p);
            for (int k = 0; k < n; k++) {
                p[k] -= alpha[slot] * y[slot][k];
            }
        }
        double gamma = 1.0 / (rho[newest] * StrongWolfeLineSearch.dot(y[newest], y[newest]));
        for (int k = 0; k < n; k++) {
            p[k] *= gamma;
        }
        for (int back = stored - 1; back >= 0; back--) {
            int slot = Math.floorMod(newest - back, memory);
            double beta = rho[slot] * StrongWolfeLineSearch.dot(y[slot], p);
            for (int k = 0; k < n; k++) {
                p[k] += (alpha[slot] - beta) * s[slot][k];
            }
        }
    }
}
