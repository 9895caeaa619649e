/**
 * Trained toy-task models by task id: the bundled zoo ({@link dev.explainunit.zoo.ModelZoo#bundled()},
 * 50 models per task in the framework jar, each task's {@link dev.explainunit.zoo.Architecture}
 * in its index) and model directories ({@code <id>.safetensors} plus {@code index.json}) written by
 * {@code explainunit train} and {@code zoo export}. The zoo knows tasks by their ids only; the toy
 * tasks ({@code dev.explainunit.toy}) ask it for their models.
 */
package dev.explainunit.zoo;
