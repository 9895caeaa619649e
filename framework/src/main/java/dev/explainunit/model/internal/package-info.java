/**
 * The kernels of the recurrent model: the cells' steps, the passes over time run for several inputs
 * side by side, their composition over layers and directions, and the arrays they read. Internal:
 * used only by {@code dev.explainunit.model}, which is the public surface.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.explainunit.model.internal;

import org.apiguardian.api.API;
