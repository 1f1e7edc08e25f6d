package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Rng;
import io.vecnet.model.*;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private final TwoLayerNet net = TwoLayerNet.initialise(2, 5, 3, new Rng(3));

    private Path saved(Model model) throws IOException {
        Path file = dir.resolve("model.vnet");
        ModelFile.save(model, file);
        return file;
    }

    private String loadError(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("bad.vnet"), bytes);
        String message = assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        return message.substring(file.toString().length() + 2);
    }

    @Test
    void aNetRoundTripsBitForBit() throws IOException {
        net.parameters().get(1).value().set(0, 2, 0.75f);
        Model back = ModelFile.load(saved(net));
        assertEquals(TwoLayerNet.KIND, back.kind());
        for (int i = 0; i < 4; i++) {
            assertEquals(net.parameters().get(i), back.parameters().get(i));
        }
    }

    @Test
    void aLinearClassifierRoundTrips() throws IOException {
        SoftmaxClassifier linear = SoftmaxClassifier.initialise(4, 2, new Rng(5));
        SoftmaxClassifier back = (SoftmaxClassifier) ModelFile.load(saved(linear));
        assertEquals(linear.weights(), back.weights());
        assertEquals(linear.bias(), back.bias());
    }

    @Test
    void theLayoutIsTheDocumentedOne() throws IOException {
        SoftmaxClassifier linear = new SoftmaxClassifier(io.vecnet.Matrix.of(new float[][] {{1.5f}}),
                io.vecnet.Matrix.of(new float[][] {{-2f}}));
        byte[] bytes = Files.readAllBytes(saved(linear));
        ByteBuffer expected = ByteBuffer.allocate(8 + 4 + 7 + 1 + 10 + 10 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        expected.put(ModelFile.MAGIC).putInt(1).put((byte) 6).put("linear".getBytes()).put((byte) 2)
                .put((byte) 1).put((byte) 'W').putInt(1).putInt(1)
                .put((byte) 1).put((byte) 'b').putInt(1).putInt(1)
                .putFloat(1.5f).putFloat(-2f);
        CRC32 crc = new CRC32();
        crc.update(expected.array(), 0, expected.position());
        expected.putInt((int) crc.getValue());
        assertArrayEquals(expected.array(), bytes);
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        assertTrue(loadError(Arrays.copyOf(bytes, bytes.length - 10)).startsWith("truncated: its header describes"));
        assertTrue(loadError(Arrays.copyOf(bytes, 20)).startsWith("truncated: the file ends at byte 20"));
    }

    @Test
    void aFlippedWeightBitIsCaughtByTheCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[bytes.length - 20] ^= 0x10;
        assertTrue(loadError(bytes).startsWith("corrupted: CRC32 mismatch"));
    }

    @Test
    void extraBytesAreCorruption() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        assertEquals("corrupted: 3 unexpected bytes after the model", loadError(Arrays.copyOf(bytes, bytes.length + 3)));
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[8] = 2;
        assertEquals("model format version 2 is not supported; this vecnet reads version 1", loadError(bytes));
    }

    @Test
    void otherFilesAreNotModels() throws IOException {
        assertTrue(loadError("x,y,label\n1,2,0\n".getBytes()).startsWith("not a vecnet model file"));
        assertTrue(loadError(new byte[0]).startsWith("not a vecnet model file"));
    }

    @Test
    void anAbsurdShapeIsRefusedBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        // W1's rows field follows magic (8), version (4), "net" (1 + 3), count (1), "W1" (1 + 2).
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 2_000_000_000);
        assertEquals("parameter W1 has the impossible shape 2000000000x5", loadError(bytes));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 100_000_000);
        assertTrue(loadError(bytes).startsWith("truncated: its header describes 2000000"), loadError(bytes));
    }

    @Test
    void anUnknownKindIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[13] = 'x';
        assertEquals("unknown model kind 'xet' (known: linear, net)", loadError(bytes));
    }

    @Test
    void nonFiniteWeightsAreRefused() throws IOException {
        net.parameters().get(2).value().set(0, 0, Float.NaN);
        assertEquals("parameter W2 holds NaN; weights must be finite", loadError(Files.readAllBytes(saved(net))));
    }

    @Test
    void missingFilesAndDirectoriesAreNamed() {
        Path missing = dir.resolve("none.vnet");
        assertEquals(missing + ": no such file",
                assertThrows(ModelFileException.class, () -> ModelFile.load(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a model file",
                assertThrows(ModelFileException.class, () -> ModelFile.load(dir)).getMessage());
    }

    @Test
    void savingOverAnExistingModelReplacesItWhole() throws IOException {
        Path file = saved(net);
        TwoLayerNet other = TwoLayerNet.initialise(2, 7, 3, new Rng(9));
        ModelFile.save(other, file);
        assertEquals(7, ((TwoLayerNet) ModelFile.load(file)).hidden());
    }
}
