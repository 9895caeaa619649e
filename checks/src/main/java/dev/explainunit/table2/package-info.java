/**
 * The toy tasks' Table 2 section computed from explained populations: a row of Table 2, the scatter
 * of the operands' relevances, the heatmap's sequence ({@link dev.explainunit.table2.Table2Rows}) and
 * the selectivity curves ({@link dev.explainunit.table2.SelectivityCurves}); the test engine draws them
 * for an explainer under test ({@link dev.explainunit.table2.ExplainerFigures}), the reproduction for
 * every built-in method.
 */
package dev.explainunit.table2;
