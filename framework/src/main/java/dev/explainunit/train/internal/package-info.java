/**
 * Internals of the trainers: the flattened data batch, the parameter layouts, the losses with
 * their back-propagation through time (on the model's own passes,
 * {@link dev.explainunit.model.NetworkBatch}), the L-BFGS minimiser, Adam, the length-bucketed
 * batches, the thread-count-independent gradient reduction and the bag-of-words
 * baseline. Not part of the public API; do not use from outside {@code dev.explainunit.train}, it
 * changes without notice.
 */
package dev.explainunit.train.internal;
