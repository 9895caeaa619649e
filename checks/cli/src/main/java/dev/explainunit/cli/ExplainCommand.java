package dev.explainunit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.explainunit.Explainer;
import dev.explainunit.Relevance;
import dev.explainunit.Sequence;
import dev.explainunit.explainers.BuiltInExplainers;
import dev.explainunit.explainers.LrpExplainer;
import dev.explainunit.model.RecurrentNetwork;
import dev.explainunit.safetensors.MalformedModelException;
import dev.explainunit.safetensors.ModelFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code explainunit explain}: relevances of a built-in method for a model file and a JSON file of
 * input sequences, printed as
 * {@code {"method": ID, "results": [{"prediction": [...], "target": c, "relevance": [R_1..R_T],
 * "relevancePerInput": [[...]] or null}]}}, one result per sequence. With {@code --vocab} the model
 * is a sentence classifier and the input JSON Lines of sentences ({@link ExplainSentences});
 * each result then also has {@code "tokens"} (and {@code "label"} where the line has one).
 */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = "Prints the relevances of a built-in method as JSON, one result per input sequence.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "An LSTM in safetensors format with PyTorch names (lstm.weight_ih_l0, ..., fc.weight).")
    Path model;

    @Option(names = "--method", required = true, paramLabel = "ID",
            description = "One of: gradient, gradient-x-input, occlusion-f-diff, occlusion-p-diff, lrp-all, "
                    + "lrp-prop, lrp-abs, lrp-half, cd, integrated-gradients.")
    String method;

    @Option(names = "--eps", defaultValue = "0.001", paramLabel = "E",
            description = "LRP stabiliser epsilon (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--bias-factor", defaultValue = "0", paramLabel = "B",
            description = "LRP bias factor: 1 redistributes biases and stabilisers, 0 keeps them (default: ${DEFAULT-VALUE}).")
    double biasFactor;

    @Option(names = "--target", paramLabel = "C",
            description = "The output to explain (default: each sequence's largest output).")
    Integer target;

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "A JSON list of sequences, each a list of T steps of D numbers; lengths may differ. "
                    + "With --vocab: JSON Lines of sentences, {\"tokens\": [...]} or {\"text\": \"...\"}.")
    Path input;

    @Option(names = "--vocab", paramLabel = "FILE",
            description = "The vocabulary of a sentence classifier (--model with embedding.weight), one token a "
                    + "line; LRP then defaults to the paper's sentiment setting (eps 0.001, 0.2 for lrp-prop).")
    Path vocab;

    @Override
    public Integer call() {
        if (vocab != null) {
            return ExplainSentences.print(spec, sentenceExplainer(), model, vocab, input, target);
        }
        Explainer explainer = explainer(method, eps, biasFactor);
        MethodOptions.warnIfIgnored(spec, method, explainer instanceof LrpExplainer);
        RecurrentNetwork lstm = readModel(model);
        if (target != null && (target < 0 || target >= lstm.outputSize())) {
            throw new UsageException("--target " + target + " is outside [0, " + lstm.outputSize()
                    + "), the outputs of " + model);
        }
        List<Sequence> sequences = SequenceFile.read(input, lstm.inputSize());

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("method", explainer.id());
        ArrayNode results = root.putArray("results");
        for (int n = 0; n < sequences.size(); n++) {
            Sequence x = sequences.get(n);
            double[] prediction = lstm.predict(x);
            int c = target != null ? target : argmax(prediction);
            Relevance r;
            try {
                r = explainer.explain(lstm, x, c);
            } catch (IllegalArgumentException e) {
                throw new UsageException(input + ": sequence " + n + ": " + e.getMessage());
            }
            ObjectNode result = results.addObject();
            numbers(result.putArray("prediction"), prediction);
            result.put("target", c);
            numbers(result.putArray("relevance"), r.toArray());
            if (r.hasPerInput()) {
                ArrayNode rows = result.putArray("relevancePerInput");
                for (double[] row : r.toPerInputArray()) {
                    numbers(rows.addArray(), row);
                }
            } else {
                result.putNull("relevancePerInput");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(root.toPrettyString());
        out.flush();
        return 0;
    }

    /**
     * The method for sentences: LRP with the paper's sentiment setting (section 4: ε = 0.001, 0.2 for
     * LRP-prop, bias factor 0) unless {@code --eps} is given.
     */
    private Explainer sentenceExplainer() {
        boolean epsGiven = spec.commandLine().getParseResult().hasMatchedOption("--eps");
        double e = !epsGiven && "lrp-prop".equals(method) ? SENTIMENT_PROP_EPS : eps;
        Explainer explainer = explainer(method, e, biasFactor);
        MethodOptions.warnIfIgnored(spec, method, explainer instanceof LrpExplainer);
        return explainer;
    }

    /** LRP-prop's stabiliser in the paper's sentiment setting (section 4). */
    static final double SENTIMENT_PROP_EPS = 0.2;

    /** The built-in explainer {@code id}, or a usage error listing the valid ids. */
    static Explainer explainer(String id, double eps, double biasFactor) {
        if (!BuiltInExplainers.ids().contains(id)) {
            throw new UsageException("unknown method '" + id + "'; valid methods: "
                    + String.join(", ", BuiltInExplainers.ids()));
        }
        if (!Double.isFinite(eps) || eps < 0) {
            throw new UsageException("--eps must be a finite number >= 0, is " + eps);
        }
        if (!Double.isFinite(biasFactor)) {
            throw new UsageException("--bias-factor must be a finite number, is " + biasFactor);
        }
        try {
            return BuiltInExplainers.create(id, eps, biasFactor);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The model in {@code file}, or a usage error naming the file and the defect. */
    static RecurrentNetwork readModel(Path file) {
        try {
            return ModelFiles.read(file);
        } catch (MalformedModelException e) {
            throw new UsageException(e.getMessage());
        } catch (FileSystemException e) {
            throw new UsageException(e.getMessage()); // names the file and what is wrong (ReadableFiles)
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read the model file (" + e.getMessage() + ")");
        }
    }

    /** The index of the largest value (the first on ties): the default target, the predicted class. */
    static int argmax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            array.add(v);
        }
    }
}
