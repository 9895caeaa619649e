/**
 * The task abstraction the sanity checks run on: a {@link dev.explainunit.task.Task} has models,
 * test samples with a target output, optional ground truth of the relevance and, optionally, a
 * generator of shrinkable samples. The toy tasks of paper 3.2 are instances
 * ({@link dev.explainunit.toy.ToyArithmeticTask}); a user registers tasks of their own through
 * {@link java.util.ServiceLoader}.
 */
package dev.explainunit.task;
