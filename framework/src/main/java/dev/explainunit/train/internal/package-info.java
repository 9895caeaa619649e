/**
 * Internals of the trainer: the flattened data batch, the loss with its back-propagation through
 * time, and the L-BFGS minimiser. Not part of the public API; do not use from outside
 * {@code dev.explainunit.train}, it changes without notice.
 */
package dev.explainunit.train.internal;
