package io.vecnet.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.Matrix;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Matrix overloads of {@link Kernels} check shapes and name both operands in the error. */
class KernelsShapeCheckTest {

    private static void assertRejected(Executable call, String... fragments) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + message + "' should mention " + fragment);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void matmulNamesBothShapesWhenInnerSizesDiffer(Backend backend) {
        Kernels k = KernelProvider.select(backend);
        assertRejected(() -> k.matmul(MatmulForm.AB, new Matrix(2, 3), new Matrix(4, 5), new Matrix(2, 5), false),
                "AB", "2x3", "4x5");
        assertRejected(() -> k.matmul(MatmulForm.ATB, new Matrix(3, 2), new Matrix(4, 5), new Matrix(2, 5), false),
                "ATB", "3x2", "4x5");
        assertRejected(() -> k.matmul(MatmulForm.ABT, new Matrix(2, 3), new Matrix(5, 4), new Matrix(2, 5), false),
                "ABT", "2x3", "5x4");
        assertRejected(() -> k.matmul(new Matrix(2, 3), new Matrix(2, 3)), "2x3");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void matmulNamesAllShapesWhenTheOutputDoesNotFit(Backend backend) {
        Kernels k = KernelProvider.select(backend);
        assertRejected(() -> k.matmul(MatmulForm.AB, new Matrix(2, 3), new Matrix(3, 5), new Matrix(5, 2), true),
                "2x3", "3x5", "2x5", "5x2");
        assertRejected(() -> k.matmul(MatmulForm.ATB, new Matrix(3, 2), new Matrix(3, 5), new Matrix(3, 5), false),
                "3x2", "3x5", "2x5");
        assertRejected(() -> k.matmul(MatmulForm.ABT, new Matrix(2, 3), new Matrix(5, 3), new Matrix(2, 3), false),
                "2x3", "5x3", "2x5");
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void matmulOfMatricesComputesTheProduct(Backend backend) {
        Kernels k = KernelProvider.select(backend);
        Matrix a = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Matrix b = Matrix.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        assertEquals(Matrix.of(new float[][] {{4, 5}, {10, 11}}), k.matmul(a, b));
        Matrix c = Matrix.of(new float[][] {{1, 1}, {1, 1}});
        k.matmul(MatmulForm.ABT, a, b.transpose(), c, true);
        assertEquals(Matrix.of(new float[][] {{5, 6}, {11, 12}}), c);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"VECTOR", "SCALAR"})
    void elementWiseOverloadsNameBothShapes(Backend backend) {
        Kernels k = KernelProvider.select(backend);
        assertRejected(() -> k.addBias(new Matrix(4, 3), new Matrix(1, 2)), "addBias", "1x2", "4x3", "1x3");
        assertRejected(() -> k.addBias(new Matrix(4, 3), new Matrix(3, 1)), "3x1", "4x3");
        assertRejected(() -> k.columnSums(new Matrix(4, 3), new Matrix(1, 4)), "columnSums", "1x4", "4x3");
        assertRejected(() -> k.reluBackward(new Matrix(2, 3), new Matrix(3, 2)), "reluBackward", "2x3", "3x2");
        assertRejected(() -> k.axpy(1f, new Matrix(2, 3), new Matrix(2, 4)), "axpy", "2x3", "2x4");
        assertRejected(() -> k.softmaxCrossEntropy(new Matrix(2, 3), new int[2], new Matrix(3, 3)),
                "softmaxCrossEntropy", "2x3", "3x3");
        assertRejected(() -> k.softmaxCrossEntropy(new Matrix(2, 3), new int[3], new Matrix(2, 3)),
                "3 labels", "2x3");
    }
}
