/**
 * The toy workload ExplainUnit's own speed measurements share ({@code explainunit bench}, the JMH
 * benchmarks). Not part of the public API.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.explainunit.toy.internal;

import org.apiguardian.api.API;
