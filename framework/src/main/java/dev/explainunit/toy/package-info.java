/**
 * The toy arithmetic tasks of Arras et al. 2019, section 3.2 and appendix A.4: sequences of
 * two-dimensional inputs in which two marked numbers determine the target (their sum or their
 * difference), so the true relevance of every step is known.
 */
package dev.explainunit.toy;
