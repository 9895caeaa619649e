/**
 * The toy arithmetic tasks of Arras et al. 2019, section 3.2 and appendix A.4: sequences of
 * two-dimensional inputs in which two marked numbers determine the target (their sum or their
 * difference), so the true relevance of every step is known. Registered as the tasks
 * {@code addition} and {@code subtraction} (the paper's single-unit LSTMs) and, on the same data
 * and ground truth with other bundled models, {@code addition-gru}, {@code subtraction-gru},
 * {@code addition-lstm2} and {@code subtraction-lstm2}.
 */
package dev.explainunit.toy;
