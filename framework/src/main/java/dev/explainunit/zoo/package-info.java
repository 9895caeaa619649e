/**
 * Trained toy-task models: the bundled zoo ({@link dev.explainunit.zoo.ModelZoo#bundled()}, 50
 * models per task in the framework jar) and model directories ({@code <id>.safetensors} plus
 * {@code index.json}) written by {@code explainunit train} and {@code zoo export}.
 */
package dev.explainunit.zoo;
