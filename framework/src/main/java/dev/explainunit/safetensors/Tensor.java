package dev.explainunit.safetensors;

/**
 * One tensor of a safetensors file, decoded to double.
 *
 * @param name   the tensor name, e.g. {@code lstm.weight_ih_l0}
 * @param type   the element type in the file
 * @param shape  the dimensions, row-major
 * @param values the elements in row-major order
 */
record Tensor(String name, TensorType type, int[] shape, double[] values) {
}
