package dev.explainunit.process.internal;

import org.apiguardian.api.API;

/**
 * What an explainer process said about itself in its hello.
 *
 * @param id             the explainer's id
 * @param maxBatch       the most inputs one explain request may carry, at least 1
 * @param regression     whether it explains models with one output
 * @param classification whether it explains models with two or more outputs
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Handshake(String id, int maxBatch, boolean regression, boolean classification) {
}
