/**
 * Explainers in other languages: {@link dev.explainunit.process.ProcessExplainer} runs an
 * explainer as a child process (e.g. a Python script using {@code python/explainunit_bridge.py})
 * and talks to it over its standard input and output with the protocol of
 * src/docs/process-protocol.md.
 */
package dev.explainunit.process;
