/**
 * Implementation of the command line (the benchmark workload). Not part of the public API: users
 * must not depend on anything in this package; it may change or disappear without notice.
 */
package dev.explainunit.cli.internal;
