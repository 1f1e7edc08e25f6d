package io.vecnet.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSpecTest {

    @Test
    void layersSitOneAfterAnotherInTheFlatArray() {
        NetworkSpec spec = NetworkSpec.of(4, 3, Activation.TANH, 5, 2);
        assertEquals(List.of(new DenseLayer(0, 4, 5, 0, 20), new DenseLayer(1, 5, 2, 25, 35),
                new DenseLayer(2, 2, 3, 37, 43)), spec.layers());
        assertEquals(46, spec.parameterCount());
        assertEquals(46, spec.layers().get(2).end());
        assertEquals(3, spec.depth());
        assertEquals(5, spec.maxWidth());
        assertEquals("4 → 5 tanh → 2 tanh → 3", spec.describe());
    }

    @Test
    void theLinearClassifierIsOneLayer() {
        NetworkSpec spec = NetworkSpec.linear(2, 3);
        assertEquals(List.of(new DenseLayer(0, 2, 3, 0, 6)), spec.layers());
        assertEquals("2 → 3 (linear)", spec.describe());
    }

    @Test
    void impossibleShapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.of(0, 3, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.of(2, 0, Activation.RELU));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.of(2, 3, Activation.RELU, 4, 0));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.of(2, 3, null, 4));
        assertEquals("a 100000 → 100000 → 3 network has 10000400003 parameters; at most 2147483639 fit in one array",
                assertThrows(IllegalArgumentException.class,
                        () -> NetworkSpec.of(100_000, 3, Activation.RELU, 100_000)).getMessage());
    }

    @Test
    void theHiddenWidthsCannotBeChangedFromOutside() {
        java.util.ArrayList<Integer> widths = new java.util.ArrayList<>(List.of(3, 4));
        NetworkSpec spec = new NetworkSpec(2, widths, 2, Activation.RELU);
        widths.set(0, 100);
        assertEquals(List.of(3, 4), spec.hidden());
        assertThrows(UnsupportedOperationException.class, () -> spec.hidden().set(0, 1));
    }

    @Test
    void activationsAndInitsParseTheirCommandLineNames() {
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.parse(a.id().toUpperCase()));
        }
        for (Init i : Init.values()) {
            assertEquals(i, Init.parse(" " + i.id()));
        }
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("softplus"));
        assertThrows(IllegalArgumentException.class, () -> Init.parse("zeros"));
    }

    @Test
    void theDefaultInitIsTheCaseStudysUpToOneHiddenLayer() {
        assertEquals(Init.SMALL, Init.defaultFor(NetworkSpec.linear(2, 3)));
        assertEquals(Init.SMALL, Init.defaultFor(NetworkSpec.of(2, 3, Activation.TANH, 100)));
        assertEquals(Init.HE, Init.defaultFor(NetworkSpec.of(2, 3, Activation.RELU, 64, 32)));
        assertEquals(Init.HE, Init.defaultFor(NetworkSpec.of(2, 3, Activation.LEAKY_RELU, 64, 32)));
        assertEquals(Init.XAVIER, Init.defaultFor(NetworkSpec.of(2, 3, Activation.SIGMOID, 64, 32)));
    }
}
