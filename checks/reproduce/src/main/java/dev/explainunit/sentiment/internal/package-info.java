/** Internals of the sentiment experiments; not API, may change without notice. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.explainunit.sentiment.internal;

import org.apiguardian.api.API;
