/**
 * Training single-unit LSTMs on the toy tasks: {@link dev.explainunit.train.ToyTrainer} with
 * full-batch L-BFGS and the stopping rules of {@link dev.explainunit.train.TrainingSettings}. The
 * protocol and the measured convergence are in src/docs/training.md.
 */
package dev.explainunit.train;
