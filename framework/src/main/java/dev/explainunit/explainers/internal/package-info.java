/**
 * The relevance passes of LRP and the decompositions of CD, written once per cell kind and composed
 * over layers and directions; used only by {@code dev.explainunit.explainers}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.explainunit.explainers.internal;

import org.apiguardian.api.API;
