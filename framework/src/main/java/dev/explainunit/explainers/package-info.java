/**
 * The built-in explanation methods of Arras et al. 2019 ("Evaluating Recurrent Neural Network
 * Explanations"), created by id through {@link dev.explainunit.explainers.BuiltInExplainers} and
 * registered for {@link java.util.ServiceLoader}. The white-box methods (gradient,
 * gradient×input, LRP, CD, integrated gradients) read an {@link dev.explainunit.model.RecurrentNetwork}'s
 * weights and forward trace; occlusion works on any {@link dev.explainunit.RecurrentModel}.
 * Every explainer is thread-safe, deterministic, leaves its input alone, and reuses per-thread
 * buffers so that explaining allocates only the returned {@link dev.explainunit.Relevance}
 * (CD and occlusion: its one array).
 */
package dev.explainunit.explainers;
