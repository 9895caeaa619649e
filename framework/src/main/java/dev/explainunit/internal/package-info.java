/**
 * Internals shared by the framework's packages. Not part of the public API; do not use from
 * outside the framework, it changes without notice.
 */
package dev.explainunit.internal;
