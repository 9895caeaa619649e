/**
 * Internals shared by ExplainUnit's own modules (the framework, the checks, the command line and
 * the benchmarks). Not part of the public API; do not use from outside ExplainUnit, it changes
 * without notice.
 */
package dev.explainunit.internal;
