package dev.explainunit.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.explainunit.Sequence;
import dev.explainunit.report.JsonErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code explain} command's input: a JSON list of sequences, each a list of T steps,
 * each a list of D numbers, e.g. {@code [[[0.7, 0], [0, -0.2]], [[0.1, 0.3]]]}. Sequences may
 * differ in length. Every defect is a {@link UsageException} naming the file and the position.
 */
final class SequenceFile {

    private SequenceFile() {
    }

    /** The sequences of {@code file}, each with {@code dim} inputs per step. */
    static List<Sequence> read(Path file, int dim) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = new ObjectMapper().readTree(in);
        } catch (NoSuchFileException e) {
            throw new UsageException(file + ": no such input file");
        } catch (JacksonException e) {
            throw new UsageException(file + ": not valid JSON: " + JsonErrors.describe(e));
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the input file (" + e.getMessage() + ")");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new UsageException(file + ": expected a non-empty JSON list of sequences, "
                    + "each a list of steps, each a list of " + dim + " numbers");
        }
        List<Sequence> sequences = new ArrayList<>(root.size());
        for (int n = 0; n < root.size(); n++) {
            sequences.add(sequence(file, n, root.get(n), dim));
        }
        return sequences;
    }

    private static Sequence sequence(Path file, int n, JsonNode node, int dim) {
        String where = file + ": sequence " + n;
        if (!node.isArray() || node.isEmpty()) {
            throw new UsageException(where + " is not a non-empty list of steps");
        }
        double[][] steps = new double[node.size()][dim];
        for (int t = 0; t < node.size(); t++) {
            JsonNode step = node.get(t);
            if (!step.isArray() || step.size() != dim) {
                throw new UsageException(where + ", step " + t + " has "
                        + (step.isArray() ? step.size() + " values" : "no list of values")
                        + "; the model reads " + dim + " per step");
            }
            for (int d = 0; d < dim; d++) {
                JsonNode value = step.get(d);
                if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                    throw new UsageException(where + ", step " + t + ", input " + d + " is not a finite number: "
                            + value);
                }
                steps[t][d] = value.asDouble();
            }
        }
        return Sequence.of(steps);
    }
}
