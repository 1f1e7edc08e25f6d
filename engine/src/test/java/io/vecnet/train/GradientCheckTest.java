package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.model.Model;
import io.vecnet.model.Objective;
import io.vecnet.model.Parameter;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both models' analytic gradients agree with centred differences, and the check notices a wrong gradient. */
class GradientCheckTest {
    private static final float REG = 0.05f;

    static List<Arguments> modelsAndBackends() {
        return List.of(Arguments.of("linear", Backend.VECTOR), Arguments.of("linear", Backend.SCALAR),
                Arguments.of("net", Backend.VECTOR), Arguments.of("net", Backend.SCALAR));
    }

    private static Dataset data() {
        return Spiral.generate(5, 3, Spiral.NOISE, new Rng(7));
    }

    /** Weights of order 1 (not the case study's 0.01) so that gradients rise well above float32 noise. */
    private static Model model(String kind) {
        Rng rng = new Rng(8);
        Model model = kind.equals("net") ? TwoLayerNet.initialise(2, 7, 3, rng) : SoftmaxClassifier.initialise(2, 3, rng);
        for (Parameter p : model.parameters()) {
            float[] values = p.value().data();
            for (int i = 0; i < values.length; i++) {
                values[i] = p.regularised() ? values[i] * 100 : (float) (0.3 * rng.nextGaussian());
            }
        }
        return model;
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modelsAndBackends")
    void analyticGradientsPassForEveryParameter(String kind, Backend backend) {
        Model model = model(kind);
        List<GradientCheck.Result> results = GradientCheck.check(model, data(), REG, KernelProvider.select(backend));
        assertEquals(model.parameters().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            GradientCheck.Result result = results.get(i);
            assertEquals(model.parameters().get(i).name(), result.parameter());
            assertTrue(result.passed(), result.toString());
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("modelsAndBackends")
    void aGradientOffByTenPercentInOneElementFailsOnlyItsParameter(String kind, Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        for (int wrong = 0; wrong < model(kind).parameters().size(); wrong++) {
            Model model = model(kind);
            List<GradientCheck.Result> results = GradientCheck.check(model, data(), REG,
                    perturbed(model.objective(data(), REG, kernels), wrong), GradientCheck.DEFAULT_STEP);
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i != wrong, results.get(i).passed(),
                        "perturbed " + model.parameters().get(wrong).name() + ", got " + results.get(i));
            }
        }
    }

    /** An objective whose gradient for parameter {@code index} has its largest element scaled by 1.1. */
    private static Objective perturbed(Objective objective, int index) {
        return new Objective() {
            @Override
            public float evaluate() {
                float loss = objective.evaluate();
                float[] g = objective.gradients().get(index).data();
                int largest = 0;
                for (int i = 1; i < g.length; i++) {
                    largest = Math.abs(g[i]) > Math.abs(g[largest]) ? i : largest;
                }
                g[largest] *= 1.1f;
                return loss;
            }

            @Override
            public List<Matrix> gradients() {
                return objective.gradients();
            }
        };
    }
}
