package io.vecnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vecnet.data.Rng;
import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Standardizer;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFileTest {
    @TempDir
    Path dir;

    private final Mlp net = Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 5), new Rng(3));

    private Path saved(Mlp model) throws IOException {
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

    /** The same bytes with the CRC recomputed, so the reader's deeper checks are reached. */
    private static byte[] withCrc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void networksOfAnyDepthRoundTripBitForBit(Activation activation) throws IOException {
        for (int[] hidden : new int[][] {{}, {5}, {7, 3}, {4, 4, 4, 4}}) {
            Mlp model = Mlp.initialise(NetworkSpec.of(6, 4, activation, hidden), new Rng(hidden.length));
            Mlp back = ModelFile.load(saved(model)).network();
            assertEquals(model.spec(), back.spec());
            assertArrayEquals(model.parameters(), back.parameters());
        }
    }

    @Test
    void inputScalingAndClassNamesRoundTrip() throws IOException {
        Mlp network = Mlp.initialise(NetworkSpec.of(3, 3, Activation.TANH, 4), new Rng(2));
        Standardizer scaler = new Standardizer(new float[] {1f, -2f, 1e6f}, new float[] {0.5f, 3f, 1e-3f});
        Classifier model = new Classifier(network, scaler, List.of("setosa", "versicolor", "virginica ünïcode, \"quoted\""));
        Path file = dir.resolve("named.vnet");
        ModelFile.save(model, file);
        Classifier back = ModelFile.load(file);
        assertEquals(scaler, back.scaler().orElseThrow());
        assertEquals(model.classNames(), back.classNames());
        assertEquals(List.of(), back.featureNames());
        assertArrayEquals(network.parameters(), back.network().parameters());
        float[] row = {2f, 1f, 1e6f + 1};
        assertEquals(model.predict(row), back.predict(row));
        assertArrayEquals(network.probabilities(scaler.apply(row)), back.probabilities(row));
    }

    @Test
    void featureNamesRoundTripAndMustBeOnePerInput() throws IOException {
        Mlp network = Mlp.initialise(NetworkSpec.linear(3, 2), new Rng(2));
        Classifier model = new Classifier(network, null, List.of("no", "yes"), List.of("a", "b", "c"));
        Path file = dir.resolve("features.vnet");
        ModelFile.save(model, file);
        assertEquals(List.of("a", "b", "c"), ModelFile.load(file).featureNames());
        assertEquals(List.of("no", "yes"), ModelFile.load(file).classNames());
        byte[] bytes = Files.readAllBytes(file);
        // The FEAT section comes last: three names of 2 + 1 bytes, then the CRC. A first length of 4
        // swallows the second name, which leaves two names for three inputs.
        bytes[bytes.length - 4 - 9] = 4;
        assertEquals("corrupted: 2 feature names for 3 inputs", loadError(withCrc(bytes)));
        assertThrows(IllegalArgumentException.class,
                () -> new Classifier(network, null, List.of(), List.of("a", "b")));
    }

    @Test
    void aScalerThatCannotScaleIsCorruption() throws IOException {
        Mlp network = Mlp.initialise(NetworkSpec.linear(1, 2), new Rng(2));
        ModelFile.save(new Classifier(network, new Standardizer(new float[] {0f}, new float[] {1f}), List.of()),
                dir.resolve("s.vnet"));
        byte[] bytes = Files.readAllBytes(dir.resolve("s.vnet"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 8, 0f);
        assertTrue(loadError(withCrc(bytes)).startsWith("corrupted scaler: feature 0 has mean 0.0 and std 0.0"),
                loadError(withCrc(bytes)));
    }

    @Test
    void aFiftyLayerSpecRoundTrips() throws IOException {
        List<Integer> hidden = new ArrayList<>();
        for (int l = 0; l < 50; l++) {
            hidden.add(3 + l % 7);
        }
        Mlp model = Mlp.initialise(new NetworkSpec(2, hidden, 3, Activation.TANH), new Rng(1));
        Mlp back = ModelFile.load(saved(model)).network();
        assertEquals(model.spec(), back.spec());
        assertArrayEquals(model.parameters(), back.parameters());
    }

    @Test
    void theLayoutIsTheDocumentedOne() throws IOException {
        Mlp linear = Mlp.of(NetworkSpec.linear(1, 1), new float[] {1.5f, -2f});
        byte[] bytes = Files.readAllBytes(saved(linear));
        ByteBuffer expected = ByteBuffer.allocate(8 + 4 + 12 + 17 + 12 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        expected.put(ModelFile.MAGIC).putInt(2)
                .put("NETW".getBytes()).putLong(17).putInt(1).putInt(1).put((byte) 4).put("relu".getBytes()).putInt(0)
                .put("PARM".getBytes()).putLong(8).putFloat(1.5f).putFloat(-2f);
        CRC32 crc = new CRC32();
        crc.update(expected.array(), 0, expected.position());
        expected.putInt((int) crc.getValue());
        assertArrayEquals(expected.array(), bytes);
    }

    @Test
    void version1FilesOfBothKindsStillLoad() throws Exception {
        Mlp linear = ModelFile.load(fixture("linear-seed1.vnet")).network();
        assertEquals(NetworkSpec.linear(2, 3), linear.spec());
        Mlp twoLayer = ModelFile.load(fixture("net-seed1.vnet")).network();
        assertEquals(NetworkSpec.of(2, 3, Activation.RELU, 100), twoLayer.spec());
        assertEquals(603, twoLayer.parameters().length);
    }

    @Test
    void aVersion1ShapeWhoseProductWrapsAroundIsImpossibleNotNegative() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("linear-seed1.vnet"));
        // W's rows and columns follow magic (8), version (4), "linear" (1 + 6), count (1), "W" (1 + 1).
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, -1).putInt(26, -1);
        assertEquals("parameter W has the impossible shape 4294967295x4294967295", loadError(withCrc(bytes)));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(22, 1 << 16).putInt(26, 1 << 16);
        assertEquals("parameter W has the impossible shape 65536x65536", loadError(withCrc(bytes)));
    }

    @Test
    void inconsistentVersion1ShapesAreNamed() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("net-seed1.vnet"));
        // W2's shape: magic 8, version 4, "net" 4, count 1, "W1" 3 + 8, "b1" 3 + 8, "W2" 3; 100x3 becomes 3x100.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(42, 3).putInt(46, 100);
        assertEquals("inconsistent shapes: 2x100, 1x100, 3x100, 1x3", loadError(withCrc(bytes)));
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        assertTrue(loadError(Arrays.copyOf(bytes, bytes.length - 10)).startsWith("truncated: section PARM claims"));
        assertTrue(loadError(Arrays.copyOf(bytes, 20)).startsWith("truncated: the file ends at byte 20"));
        assertTrue(loadError(Arrays.copyOf(bytes, 12 + 4)).startsWith("truncated"));
    }

    @Test
    void aFlippedWeightBitIsCaughtByTheCrc() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[bytes.length - 20] ^= 0x10;
        assertTrue(loadError(bytes).startsWith("corrupted: CRC32 mismatch"));
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[8] = 3;
        assertEquals("model format version 3 is not supported; this vecnet reads versions 1 to 2", loadError(bytes));
    }

    @Test
    void otherFilesAreNotModels() throws IOException {
        assertTrue(loadError("x,y,label\n1,2,0\n".getBytes()).startsWith("not a vecnet model file"));
        assertTrue(loadError(new byte[0]).startsWith("not a vecnet model file"));
    }

    @Test
    void anUnknownSectionIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[12] = 'X';
        assertTrue(loadError(withCrc(bytes)).startsWith("unknown section 'XETW'"));
    }

    @Test
    void anAbsurdNetworkIsRefusedBeforeAllocating() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        // The network section's payload starts at 24: inputs, classes, activation, layer count, widths.
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 2_000_000_000);
        assertTrue(loadError(withCrc(bytes)).startsWith("corrupted network:"), loadError(withCrc(bytes)));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
        assertEquals("corrupted network: inputs is 0", loadError(withCrc(bytes)));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 3);
        assertTrue(loadError(withCrc(bytes)).startsWith("corrupted: a 3 → 5 relu → 3 network has"));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE);
        assertTrue(loadError(withCrc(bytes)).startsWith("truncated: section NETW claims"));
    }

    @Test
    void anUnknownActivationIsNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        bytes[33] = 'x';
        assertTrue(loadError(withCrc(bytes)).contains("unknown activation 'xelu'"), loadError(withCrc(bytes)));
    }

    @Test
    void nonFiniteWeightsAreRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(saved(net));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 8, Float.NaN);
        assertTrue(loadError(withCrc(bytes)).endsWith("is NaN; weights must be finite"));
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
    void aModelReadFromAStreamEqualsTheSavedOne() throws IOException {
        Standardizer scaler = new Standardizer(new float[] {1f, -2f}, new float[] {0.5f, 3f});
        Classifier model = new Classifier(net, scaler, List.of("a", "b", "c"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(model, bytes);
        Classifier read = ModelFile.read(new ByteArrayInputStream(bytes.toByteArray()), bytes.size(), "memory");
        assertArrayEquals(net.parameters(), read.network().parameters());
        assertEquals(scaler, read.scaler().orElseThrow());
        assertEquals(List.of("a", "b", "c"), read.classNames());
    }

    @Test
    void aStreamShorterThanItsSizeIsTruncatedUnderItsSourceName() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelFile.write(Classifier.of(net), bytes);
        byte[] half = Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2);
        String message = assertThrows(ModelFileException.class,
                () -> ModelFile.read(new ByteArrayInputStream(half), bytes.size(), "hdfs://models/m.vnet")).getMessage();
        assertTrue(message.startsWith("hdfs://models/m.vnet: truncated"), message);
    }

    @Test
    void savingOverAnExistingModelReplacesItWhole() throws IOException {
        Path file = saved(net);
        ModelFile.save(Mlp.initialise(NetworkSpec.of(2, 3, Activation.RELU, 7), new Rng(9)), file);
        assertEquals(List.of(7), ModelFile.load(file).network().spec().hidden());
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(ModelFileTest.class.getResource("/casestudy/" + name).toURI());
    }
}
