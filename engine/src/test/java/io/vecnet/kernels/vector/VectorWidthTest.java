package io.vecnet.kernels.vector;

import static io.vecnet.testing.ForkedJvm.VECTOR_MODULE_OPTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.testing.ForkedJvm;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/**
 * The vector width the kernels run at in this JVM. The build runs the kernel tests a second and third
 * time in JVMs started with {@code -XX:MaxVectorSize=16} and {@code =32} (see engine/pom.xml), so that
 * the 128- and 256-bit loop bounds, tails and lane sums are tested on wider machines too; this checks
 * that the flag reached the JVM and took effect.
 */
class VectorWidthTest {
    /** Set, in bytes, by the build executions that pass {@code -XX:MaxVectorSize}. */
    private static final String EXPECTED_MAX_VECTOR_SIZE = "vecnet.test.maxVectorSize";
    private static final String FLAG = "-XX:MaxVectorSize=";

    @Test
    void lanesFollowTheMaxVectorSizeThisJvmWasStartedWith() {
        Optional<Integer> flagBytes = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(argument -> argument.startsWith(FLAG))
                .map(argument -> Integer.parseInt(argument.substring(FLAG.length())))
                .reduce((first, last) -> last);
        System.out.println("vector kernels: " + VectorMath.SPECIES + ", " + VectorMath.LANES + " float lanes"
                + flagBytes.map(bytes -> ", started with " + FLAG + bytes).orElse(""));
        String expected = System.getProperty(EXPECTED_MAX_VECTOR_SIZE);
        if (expected != null) {
            assertEquals(Optional.of(Integer.parseInt(expected)), flagBytes,
                    "this run is meant for " + FLAG + expected + " and must be started with it");
        }
        if (flagBytes.isPresent()) {
            // Narrower only where the machine has no vectors that wide (128-bit NEON, say).
            int machineBits = widestVectorBitsWithoutTheFlag();
            assertEquals(Math.min(8 * flagBytes.get(), machineBits), VectorMath.SPECIES.vectorBitSize(),
                    "this machine offers " + machineBits + "-bit vectors");
            assertEquals(VectorMath.SPECIES.vectorBitSize() / Float.SIZE, VectorMath.LANES);
        }
    }

    private static int widestVectorBitsWithoutTheFlag() {
        ForkedJvm.Result result = ForkedJvm.run(List.of(VECTOR_MODULE_OPTION), PreferredWidth.class);
        assertEquals(0, result.exitCode(), result.stderr());
        int bits = Integer.parseInt(result.stdout().trim());
        assertTrue(bits >= 64, "preferred float vector of " + bits + " bits");
        return bits;
    }

    /** Prints the preferred float vector's size in bits. */
    public static final class PreferredWidth {
        public static void main(String[] args) {
            System.out.println(FloatVector.SPECIES_PREFERRED.vectorBitSize());
        }
    }
}
