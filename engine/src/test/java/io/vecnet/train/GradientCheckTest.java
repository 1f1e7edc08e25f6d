package io.vecnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Dataset;
import io.vecnet.data.Rng;
import io.vecnet.data.Spiral;
import io.vecnet.kernels.Backend;
import io.vecnet.kernels.KernelProvider;
import io.vecnet.kernels.Kernels;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Init;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every depth and activation: analytic gradients agree with centred differences, and a wrong one is caught. */
class GradientCheckTest {
    private static final float L2 = 0.05f;

    static List<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Backend backend : List.of(Backend.SCALAR, Backend.VECTOR)) {
            cases.add(Arguments.of(new int[0], Activation.RELU, backend));
            for (Activation activation : Activation.values()) {
                cases.add(Arguments.of(new int[] {7}, activation, backend));
                cases.add(Arguments.of(new int[] {5, 4}, activation, backend));
                cases.add(Arguments.of(new int[] {6, 3, 5}, activation, backend));
            }
        }
        return cases;
    }

    private static Dataset data() {
        return Spiral.generate(5, 3, Spiral.NOISE, new Rng(7));
    }

    /** Xavier-scaled weights and random biases: large enough that gradients rise well above float32 noise. */
    private static Mlp model(int[] hidden, Activation activation) {
        NetworkSpec spec = NetworkSpec.of(2, 3, activation, hidden);
        Rng rng = new Rng(8);
        float[] parameters = Init.XAVIER.parameters(spec, rng);
        spec.layers().forEach(layer -> {
            for (int i = layer.biasOffset(); i < layer.end(); i++) {
                parameters[i] = (float) (0.3 * rng.nextGaussian());
            }
        });
        return Mlp.of(spec, parameters);
    }

    @ParameterizedTest(name = "hidden {0}, {1}, {2}")
    @MethodSource("networks")
    void analyticGradientsPassForEveryLayer(int[] hidden, Activation activation, Backend backend) {
        Mlp model = model(hidden, activation);
        List<GradientCheck.Result> results = GradientCheck.check(model, data(), L2, KernelProvider.select(backend));
        assertEquals(2 * model.spec().depth(), results.size());
        for (GradientCheck.Result result : results) {
            assertTrue(result.passed(), result.toString());
        }
        assertEquals("W1", results.get(0).parameter());
        assertEquals("b" + model.spec().depth(), results.get(results.size() - 1).parameter());
    }

    /**
     * The check's gradient is the objective's, summed block by block in float64: on 3,000 rows sorted
     * by class, at the small initialisation, the output bias's float32 gradient in one pass is off by
     * more than the tolerance while the block sum passes, and the two agree closely everywhere else.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Backend.class, names = {"SCALAR", "VECTOR"})
    void theAnalyticGradientIsSummedBlockByBlock(Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        Rng rng = new Rng(4);
        Dataset spiral = Spiral.generate(1000, 3, Spiral.NOISE, rng);
        Mlp model = Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 10), rng);
        float[] parameters = model.parameters();
        float[] onePass = new float[parameters.length];
        Objective.on(spiral, model.spec(), L2, kernels).lossAndGradient(parameters, onePass);
        float[] blocks = GradientCheck.analyticGradient(model.spec(), parameters, spiral, L2, kernels);
        for (int e = 0; e < parameters.length; e++) {
            assertEquals(onePass[e], blocks[e], 1e-5f, "element " + e);
        }
        assertFalse(GradientCheck.check(model.spec(), parameters, onePass, spiral, L2, GradientCheck.DEFAULT_STEP)
                .stream().allMatch(GradientCheck.Result::passed));
        assertTrue(GradientCheck.check(model, spiral, L2, kernels).stream().allMatch(GradientCheck.Result::passed));
    }

    @ParameterizedTest(name = "hidden {0}, {1}, {2}")
    @MethodSource("networks")
    void aGradientOffByTenPercentInOneElementFailsOnlyItsBlock(int[] hidden, Activation activation, Backend backend) {
        Kernels kernels = KernelProvider.select(backend);
        Mlp model = model(hidden, activation);
        NetworkSpec spec = model.spec();
        float[] parameters = model.parameters();
        float[] gradient = new float[parameters.length];
        Objective.on(data(), spec, L2, kernels).lossAndGradient(parameters, gradient);
        List<int[]> blocks = new ArrayList<>();
        spec.layers().forEach(layer -> {
            blocks.add(new int[] {layer.weightOffset(), layer.biasOffset()});
            blocks.add(new int[] {layer.biasOffset(), layer.end()});
        });
        for (int wrong = 0; wrong < blocks.size(); wrong++) {
            float[] perturbed = gradient.clone();
            int largest = blocks.get(wrong)[0];
            for (int i = largest; i < blocks.get(wrong)[1]; i++) {
                largest = Math.abs(perturbed[i]) > Math.abs(perturbed[largest]) ? i : largest;
            }
            perturbed[largest] *= 1.1f;
            List<GradientCheck.Result> results = GradientCheck.check(spec, parameters, perturbed, data(), L2,
                    GradientCheck.DEFAULT_STEP);
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i != wrong, results.get(i).passed(), "perturbed block " + wrong + ", got " + results.get(i));
            }
        }
    }
}
