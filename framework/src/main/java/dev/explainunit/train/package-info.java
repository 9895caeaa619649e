/**
 * Training the bundled models: {@link dev.explainunit.train.ToyTrainer} trains toy models of an
 * {@link dev.explainunit.zoo.Architecture} (the paper's single-unit LSTM, GRUs, stacked LSTMs) on
 * the toy tasks with full-batch L-BFGS and the stopping rules of
 * {@link dev.explainunit.train.TrainingSettings}; {@link dev.explainunit.train.SentenceTrainer}
 * trains embedding + (Bi)LSTM sentence classifiers with mini-batch Adam and early stopping
 * ({@link dev.explainunit.train.SentenceTrainingSettings}), and
 * {@link dev.explainunit.train.SentimentTraining} makes the bundled {@code sentiment} model. Both
 * compute their gradients on the model's own passes ({@link dev.explainunit.model.NetworkBatch}).
 * The protocols, the parameter layouts and the measurements are in src/docs/training.md.
 */
package dev.explainunit.train;
