/**
 * Implementation of the report writers: formatting, the verdict matrix and the SVG plots. Not part
 * of the public API; may change without notice.
 */
package dev.explainunit.report.internal;
