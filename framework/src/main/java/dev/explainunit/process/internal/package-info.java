/**
 * The process bridge's machinery: one child process, its framing, its stderr tail and the
 * watchdog. Not part of the public API; it changes without notice.
 */
package dev.explainunit.process.internal;
