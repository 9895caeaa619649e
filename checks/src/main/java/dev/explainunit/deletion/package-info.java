/**
 * The paper's word-deletion experiment (Arras et al. 2019, section 3.3, Table 3, footnote 11) as a
 * measurement on a sentence classifier: {@link dev.explainunit.deletion.WordDeletion} deletes the
 * words a relevance ranks first and counts how the accuracy moves, {@link dev.explainunit.deletion.Table3}
 * normalises it to random deletion (0) and occlusion-p-diff (100). The perturbation-selectivity check
 * on sentences and the sentiment experiments both measure with it; it knows neither.
 */
package dev.explainunit.deletion;
