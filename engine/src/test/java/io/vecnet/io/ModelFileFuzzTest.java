package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vecnet.data.Rng;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated model files, most with their CRC recomputed so that the checks behind it are reached: each
 * load either returns a model or throws a {@link ModelFileException} naming the file, never another
 * exception, and never hangs or allocates beyond the file's size. {@code -Dvecnet.fuzz.iterations}
 * scales the run (see {@link Fuzz}).
 */
class ModelFileFuzzTest {
    @TempDir
    Path dir;

    private static byte[] seedFile(int which) throws IOException {
        Rng rng = new Rng(which);
        Mlp network = switch (which % 3) {
            case 0 -> Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 5), rng);
            case 1 -> Mlp.initialise(NetworkSpec.linear(4, 2), rng);
            default -> Mlp.initialise(NetworkSpec.of(3, 2, Activation.TANH, 4, 3), rng);
        };
        Standardizer scaler = which % 2 == 0 ? null
                : new Standardizer(new float[network.inputs()], filled(network.inputs(), 2f));
        List<String> names = which % 3 == 2 ? List.of("yes", "no") : List.of();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(new Classifier(network, scaler, names), bytes);
        return bytes.toByteArray();
    }

    private static float[] filled(int length, float value) {
        float[] values = new float[length];
        java.util.Arrays.fill(values, value);
        return values;
    }

    /** One of: flip bits, overwrite a field with an extreme integer, cut, extend, duplicate a range. */
    private static byte[] mutate(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int kind = random.nextInt(6);
        int at = random.nextInt(bytes.length);
        switch (kind) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                int[] extremes = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1 << 16, 1 << 30, 3, 1025};
                if (at + 4 <= bytes.length) {
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(at, extremes[random.nextInt(extremes.length)]);
                }
            }
            case 2 -> {
                if (at + 8 <= bytes.length) {
                    long[] extremes = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32, 1L << 40};
                    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(at, extremes[random.nextInt(extremes.length)]);
                }
            }
            case 3 -> bytes = java.util.Arrays.copyOf(bytes, at);
            case 4 -> bytes = java.util.Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
            default -> {
                int length = random.nextInt(bytes.length - at) + 1;
                byte[] longer = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, longer, 0, at + length);
                System.arraycopy(bytes, at, longer, at + length, bytes.length - at);
                bytes = longer;
            }
        }
        if (random.nextInt(4) != 0 && bytes.length >= 16) {
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
        }
        return bytes;
    }

    @Test
    void mutatedFilesLoadOrFailWithOneNamedProblem() {
        int iterations = Fuzz.iterations(1000);
        assertTimeoutPreemptively(Fuzz.budget(iterations), () -> {
            byte[][] seeds = {seedFile(0), seedFile(1), seedFile(2), seedFile(3)};
            Path file = dir.resolve("fuzzed.vnet");
            for (int i = 0; i < iterations; i++) {
                Random random = Fuzz.random(i);
                byte[] bytes = mutate(seeds[random.nextInt(seeds.length)], random);
                Files.write(file, bytes);
                try {
                    ModelFile.load(file);
                } catch (ModelFileException e) {
                    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
                    assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
                } catch (Exception | Error e) {
                    fail("iteration " + i + " (seed " + Fuzz.SEED + "): " + e, e);
                }
            }
        });
    }
}
