package io.vecnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vecnet.kernels.vector.VectorKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Backend choice inside this JVM, which the build starts with the Vector API module. */
class KernelProviderTest {

    @Test
    void theTestJvmHasTheVectorModule() {
        assertTrue(KernelProvider.vectorAvailable());
    }

    @Test
    void selectVectorGivesTheVectorKernelsOnce() {
        Kernels kernels = KernelProvider.select(Backend.VECTOR);
        assertInstanceOf(VectorKernels.class, kernels);
        assertEquals(Backend.VECTOR, kernels.backend());
        assertTrue(kernels.description().contains(VectorKernels.lanes() + " float lanes"), kernels.description());
        assertSame(kernels, KernelProvider.select(Backend.VECTOR));
    }

    @Test
    void selectScalarGivesTheScalarKernels() {
        Kernels kernels = KernelProvider.select(Backend.SCALAR);
        assertInstanceOf(ScalarKernels.class, kernels);
        assertEquals(Backend.SCALAR, kernels.backend());
        assertSame(kernels, KernelProvider.select(Backend.SCALAR));
    }

    @Test
    void autoAndDefaultAreVectorWhenTheModuleIsPresent() {
        assertEquals(Backend.VECTOR, KernelProvider.select(Backend.AUTO).backend());
        assumeTrue(System.getProperty(KernelProvider.PROPERTY) == null, "the backend property is set for this run");
        assertSame(KernelProvider.select(Backend.VECTOR), KernelProvider.get());
        assertSame(KernelProvider.get(), KernelProvider.get());
    }

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "Vector, VECTOR", "' scalar ', SCALAR", "SCALAR, SCALAR"})
    void backendNamesParseCaseInsensitively(String name, Backend expected) {
        assertEquals(expected, Backend.parse(name));
        assertEquals(expected.name().toLowerCase(java.util.Locale.ROOT), expected.label());
    }

    @Test
    void unknownBackendNameIsRejectedListingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backend.parse("gpu"));
        assertEquals("unknown kernel backend 'gpu' (expected auto, vector or scalar)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backend.parse(""));
    }
}
