package dev.explainunit.explainers;

import dev.explainunit.Explainer;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The explanation methods of the paper (and integrated gradients) by id, the values of the
 * command line's {@code --method}.
 *
 * <pre>
 *   gradient, gradient-x-input            {@link GradientExplainer}, {@link GradientTimesInputExplainer}
 *   occlusion-f-diff, occlusion-p-diff    {@link OcclusionExplainer}
 *   lrp-all, lrp-prop, lrp-abs, lrp-half  {@link LrpExplainer} with {@link LrpRule}
 *   cd                                    {@link ContextualDecompositionExplainer}
 *   integrated-gradients                  {@link IntegratedGradientsExplainer} (50 steps)
 * </pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class BuiltInExplainers {

    private static final List<String> IDS = List.of(
            GradientExplainer.ID,
            GradientTimesInputExplainer.ID,
            OcclusionExplainer.Difference.FUNCTION.id(),
            OcclusionExplainer.Difference.PROBABILITY.id(),
            LrpRule.ALL.id(),
            LrpRule.PROP.id(),
            LrpRule.ABS.id(),
            LrpRule.HALF.id(),
            ContextualDecompositionExplainer.ID,
            IntegratedGradientsExplainer.ID);

    private BuiltInExplainers() {
    }

    /** The ten built-in ids in a fixed order (gradient methods, occlusion, LRP, CD, integrated gradients). */
    public static List<String> ids() {
        return IDS;
    }

    /**
     * The built-in explainer {@code id} with default settings for explaining a user's model: LRP
     * ε = {@value LrpExplainer#DEFAULT_EPS}, bias factor {@value LrpExplainer#DEFAULT_BIAS_FACTOR};
     * integrated gradients with {@value IntegratedGradientsExplainer#DEFAULT_STEPS} steps. The sanity
     * checks and the reproduction take the paper's setting for each task from
     * {@link dev.explainunit.task.Task#builtIn(String)} instead.
     *
     * @throws IllegalArgumentException for an unknown id, listing the valid ones
     */
    public static Explainer create(String id) {
        return create(id, LrpExplainer.DEFAULT_EPS, LrpExplainer.DEFAULT_BIAS_FACTOR);
    }

    /**
     * The built-in explainer {@code id}; {@code eps} and {@code biasFactor} apply to the LRP methods
     * only and are ignored by the others.
     *
     * @throws IllegalArgumentException for an unknown id (listing the valid ones), or invalid LRP settings
     */
    public static Explainer create(String id, double eps, double biasFactor) {
        if (id == null) {
            throw new IllegalArgumentException("the explainer id is null; valid ids: " + String.join(", ", IDS));
        }
        return switch (id) {
            case GradientExplainer.ID -> new GradientExplainer();
            case GradientTimesInputExplainer.ID -> new GradientTimesInputExplainer();
            case "occlusion-f-diff" -> new OcclusionExplainer.FunctionDifference();
            case "occlusion-p-diff" -> new OcclusionExplainer.ProbabilityDifference();
            case "lrp-all" -> new LrpExplainer(LrpRule.ALL, eps, biasFactor);
            case "lrp-prop" -> new LrpExplainer(LrpRule.PROP, eps, biasFactor);
            case "lrp-abs" -> new LrpExplainer(LrpRule.ABS, eps, biasFactor);
            case "lrp-half" -> new LrpExplainer(LrpRule.HALF, eps, biasFactor);
            case ContextualDecompositionExplainer.ID -> new ContextualDecompositionExplainer();
            case IntegratedGradientsExplainer.ID -> new IntegratedGradientsExplainer();
            default -> throw new IllegalArgumentException("unknown explainer id [" + id + "]; valid ids: "
                    + String.join(", ", IDS));
        };
    }
}
