/**
 * Implementation of the report writers: formatting, the verdict matrix and the SVG plots. Not part
 * of the public API: users must not depend on anything in this package; it may change or
 * disappear without notice.
 */
package dev.explainunit.report.internal;
