package io.vecnet.io;

import io.vecnet.nn.Activation;
import io.vecnet.nn.Classifier;
import io.vecnet.nn.Mlp;
import io.vecnet.nn.NetworkSpec;
import io.vecnet.nn.Standardizer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * vecnet's binary model format. Version {@value #VERSION} is a list of tagged sections: the network
 * ({@code NETW}: inputs, classes, activation, hidden widths), its flat parameter array ({@code PARM}),
 * optionally the input scaling ({@code SCAL}), the class names ({@code LABL}) and the feature names
 * ({@code FEAT}), then a CRC32 of all
 * preceding bytes; version 1 files (the fixed {@code linear} and
 * {@code net} kinds of vecnet 0.1) still load. The full specification is {@code docs/model-format.md}.
 *
 * <p>Loading reads numbers only, never code, and checks every size against the file's before
 * allocating anything, so a hostile or damaged file costs at most a {@link ModelFileException}.
 */
public final class ModelFile {
    public static final int VERSION = 2;
    /** {@code \x89 V N E T \r \n \x1A}: not text, and damaged by any line-ending or 7-bit conversion. */
    static final byte[] MAGIC = {(byte) 0x89, 'V', 'N', 'E', 'T', '\r', '\n', 0x1A};
    static final String NETWORK = "NETW";
    static final String PARAMETERS = "PARM";
    static final String SCALER = "SCAL";
    static final String CLASS_NAMES = "LABL";
    static final String FEATURE_NAMES = "FEAT";
    /** Bytes a class or feature name may take in UTF-8. */
    static final int MAX_CLASS_NAME_BYTES = 1024;
    static final int MAX_NAME_BYTES = 16;
    static final int CRC_BYTES = 4;
    /** Inputs, classes, activation name, layer count and the widths of the most hidden layers a spec may have. */
    static final int MAX_NETWORK_BYTES = 4 + 4 + 1 + 255 + 4 + 4 * NetworkSpec.MAX_HIDDEN_LAYERS;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file}, all at once or not at all. */
    public static void save(Classifier model, Path file) throws IOException {
        AtomicFile.write(file, out -> write(model, out));
    }

    /** Writes a bare network: no input scaling, numbered classes. */
    public static void save(Mlp network, Path file) throws IOException {
        save(Classifier.of(network), file);
    }

    /** Writes {@code model} in the current format to {@code out}. */
    public static void write(Classifier model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        CheckedOutputStream checked = new CheckedOutputStream(out, crc);
        ByteBuffer start = littleEndian(MAGIC.length + 4).put(MAGIC).putInt(VERSION);
        checked.write(start.array());
        writeSection(checked, NETWORK, network(model.network().spec()));
        float[] parameters = model.network().parameters();
        writeSectionHeader(checked, PARAMETERS, 4L * parameters.length);
        writeFloats(parameters, checked);
        if (model.scaler().isPresent()) {
            Standardizer scaler = model.scaler().get();
            writeSectionHeader(checked, SCALER, 8L * scaler.features());
            writeFloats(scaler.mean(), checked);
            writeFloats(scaler.std(), checked);
        }
        if (!model.classNames().isEmpty()) {
            writeSection(checked, CLASS_NAMES, names(model.classNames(), Names.CLASS));
        }
        if (!model.featureNames().isEmpty()) {
            writeSection(checked, FEATURE_NAMES, names(model.featureNames(), Names.FEATURE));
        }
        out.write(littleEndian(CRC_BYTES).putInt((int) crc.getValue()).array());
    }

    /** Reads a model written by this or an earlier vecnet. */
    public static Classifier load(Path file) throws IOException {
        AtomicFile.requireNamed(file);
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Reader(file.toString(), Files.size(file), in).read();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file");
        }
    }

    /**
     * Reads a model of {@code size} bytes from {@code in}, for stores that are not local files (a
     * Hadoop file system, a class-path resource); {@code source} names it in error messages. The size
     * is what the checks measure the header against, as {@link #load} uses the file's size.
     */
    public static Classifier read(InputStream in, long size, String source) throws IOException {
        return new Reader(source, size, new BufferedInputStream(in, 1 << 16)).read();
    }

    private static byte[] network(NetworkSpec spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        byte[] activation = spec.activation().id().getBytes(StandardCharsets.US_ASCII);
        data.writeInt(Integer.reverseBytes(spec.inputs()));
        data.writeInt(Integer.reverseBytes(spec.classes()));
        data.writeByte(activation.length);
        data.write(activation);
        data.writeInt(Integer.reverseBytes(spec.hidden().size()));
        for (int width : spec.hidden()) {
            data.writeInt(Integer.reverseBytes(width));
        }
        return bytes.toByteArray();
    }

    /** Each name as its UTF-8 length (2 bytes) and bytes. */
    private static byte[] names(List<String> names, Names kind) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String name : names) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            if (utf8.length > MAX_CLASS_NAME_BYTES) {
                throw new IllegalArgumentException(kind.what + " name '" + name.substring(0, 40) + "…' is longer than "
                        + MAX_CLASS_NAME_BYTES + " bytes");
            }
            bytes.write(utf8.length & 0xFF);
            bytes.write(utf8.length >>> 8);
            bytes.writeBytes(utf8);
        }
        return bytes.toByteArray();
    }

    private static void writeSection(OutputStream out, String tag, byte[] payload) throws IOException {
        writeSectionHeader(out, tag, payload.length);
        out.write(payload);
    }

    private static void writeSectionHeader(OutputStream out, String tag, long length) throws IOException {
        out.write(littleEndian(12).put(tag.getBytes(StandardCharsets.US_ASCII)).putLong(length).array());
    }

    private static void writeFloats(float[] values, OutputStream out) throws IOException {
        ByteBuffer buffer = littleEndian(4096);
        for (int i = 0; i < values.length; i += 1024) {
            int n = Math.min(1024, values.length - i);
            buffer.clear();
            buffer.asFloatBuffer().put(values, i, n);
            out.write(buffer.array(), 0, 4 * n);
        }
    }

    private static ByteBuffer littleEndian(int capacity) {
        return ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The two lists of names a file may hold, one name per class or per input. */
    private enum Names {
        CLASS("class", "classes"), FEATURE("feature", "inputs");

        final String what;
        final String counted;

        Names(String what, String counted) {
            this.what = what;
            this.counted = counted;
        }

        /** How many names a file of this network holds: one per class or per input. */
        int count(NetworkSpec spec) {
            return this == CLASS ? spec.classes() : spec.inputs();
        }
    }

    private static final class Reader {
        private final String source;
        private final long size;
        private final CRC32 crc = new CRC32();
        private final InputStream in;
        private long position;

        Reader(String source, long size, InputStream in) {
            this.source = source;
            this.size = size;
            this.in = new CheckedInputStream(in, crc);
        }

        Classifier read() throws IOException {
            readMagic();
            long version = Integer.toUnsignedLong(buffer(4, "format version").getInt());
            if (version == 1) {
                return Classifier.of(readVersion1());
            }
            if (version != VERSION) {
                throw problem("model format version " + version + " is not supported; this vecnet reads versions 1 "
                        + "to " + VERSION);
            }
            return readSections();
        }

        private Classifier readSections() throws IOException {
            NetworkSpec spec = null;
            float[] parameters = null;
            Standardizer scaler = null;
            List<String> names = null;
            List<String> featureNames = null;
            while (size - position > CRC_BYTES) {
                String tag = readTag();
                long length = buffer(8, "length of section " + tag).getLong();
                if (length < 0 || length > size - position - CRC_BYTES) {
                    throw problem("truncated: section " + tag + " claims " + Long.toUnsignedString(length)
                            + " bytes, only " + Math.max(0, size - position - CRC_BYTES) + " remain before the CRC");
                }
                if ((tag.equals(NETWORK) && length > MAX_NETWORK_BYTES)
                        || length > Integer.MAX_VALUE - 8) {
                    throw problem("corrupted: a " + tag + " section of " + length + " bytes");
                }
                switch (tag) {
                    case NETWORK -> spec = once(spec, tag, readNetwork((int) length));
                    case PARAMETERS -> parameters = once(parameters, tag, readParameters(spec, length));
                    case SCALER -> scaler = once(scaler, tag, readScaler(spec, length));
                    case CLASS_NAMES -> names = once(names, tag, readNames(spec, (int) length, Names.CLASS));
                    case FEATURE_NAMES ->
                            featureNames = once(featureNames, tag, readNames(spec, (int) length, Names.FEATURE));
                    default -> throw problem("unknown section '" + tag + "' (this vecnet reads " + NETWORK + ", "
                            + PARAMETERS + ", " + SCALER + ", " + CLASS_NAMES + " and " + FEATURE_NAMES
                            + "; was the file written by a newer vecnet?)");
                }
            }
            if (spec == null || parameters == null) {
                throw problem("truncated: the " + (spec == null ? NETWORK : PARAMETERS) + " section is missing");
            }
            readCrc();
            try {
                return new Classifier(build(spec, parameters), scaler, names == null ? List.of() : names,
                        featureNames == null ? List.of() : featureNames);
            } catch (IllegalArgumentException e) {
                throw problem("corrupted: " + e.getMessage());
            }
        }

        private Standardizer readScaler(NetworkSpec spec, long length) throws IOException {
            if (spec == null) {
                throw problem("corrupted: the scaler comes before the network section");
            }
            if (length != 8L * spec.inputs()) {
                throw problem("corrupted: a scaler of " + length + " bytes for " + spec.inputs() + " inputs");
            }
            float[] mean = readFloats(spec.inputs(), "scaler means");
            float[] std = readFloats(spec.inputs(), "scaler deviations");
            try {
                return new Standardizer(mean, std);
            } catch (IllegalArgumentException e) {
                throw problem("corrupted scaler: " + e.getMessage());
            }
        }

        /** One name per class or per input, as {@code kind} says. */
        private List<String> readNames(NetworkSpec spec, int length, Names kind) throws IOException {
            String what = kind.what;
            if (spec == null) {
                throw problem("corrupted: the " + what + " names come before the network section");
            }
            ByteBuffer section = buffer(length, what + " names");
            List<String> names = new ArrayList<>();
            while (section.hasRemaining()) {
                if (section.remaining() < 2) {
                    throw problem("corrupted: a " + what + " name is cut short");
                }
                int bytes = Short.toUnsignedInt(section.getShort());
                if (bytes > section.remaining() || bytes > MAX_CLASS_NAME_BYTES) {
                    throw problem("corrupted: a " + what + " name of " + bytes + " bytes");
                }
                byte[] utf8 = new byte[bytes];
                section.get(utf8);
                names.add(new String(utf8, StandardCharsets.UTF_8));
            }
            int expected = kind.count(spec);
            if (names.size() != expected) {
                throw problem("corrupted: " + names.size() + " " + what + " names for " + expected + " " + kind.counted);
            }
            return names;
        }

        private <T> T once(T existing, String tag, T value) throws ModelFileException {
            if (existing != null) {
                throw problem("corrupted: section " + tag + " appears twice");
            }
            return value;
        }

        private String readTag() throws IOException {
            byte[] tag = bytes(4, "section tag");
            for (byte b : tag) {
                if (b < 0x20 || b > 0x7E) {
                    throw problem("corrupted: a section tag at byte " + (position - 4) + " is not ASCII");
                }
            }
            return new String(tag, StandardCharsets.US_ASCII);
        }

        private NetworkSpec readNetwork(int length) throws IOException {
            ByteBuffer section = buffer(length, "network section");
            try {
                int inputs = positive(section.getInt(), "inputs");
                int classes = positive(section.getInt(), "classes");
                byte[] id = new byte[Byte.toUnsignedInt(section.get())];
                section.get(id);
                Activation activation = Activation.parse(new String(id, StandardCharsets.US_ASCII));
                long layers = Integer.toUnsignedLong(section.getInt());
                if (layers > NetworkSpec.MAX_HIDDEN_LAYERS || layers * 4 != section.remaining()) {
                    throw problem("corrupted: the network section lists " + layers + " hidden layers in "
                            + section.remaining() + " bytes");
                }
                List<Integer> hidden = new ArrayList<>();
                for (int l = 0; l < layers; l++) {
                    hidden.add(positive(section.getInt(), "hidden layer " + (l + 1) + " width"));
                }
                return new NetworkSpec(inputs, hidden, classes, activation);
            } catch (java.nio.BufferUnderflowException e) {
                throw problem("corrupted: the network section is cut short");
            } catch (IllegalArgumentException e) {
                throw problem("corrupted network: " + e.getMessage());
            }
        }

        private int positive(int value, String what) throws ModelFileException {
            if (value < 1) {
                throw problem("corrupted network: " + what + " is " + Integer.toUnsignedString(value));
            }
            return value;
        }

        private float[] readParameters(NetworkSpec spec, long length) throws IOException {
            if (spec == null) {
                throw problem("corrupted: the parameters come before the network section");
            }
            if (length != 4L * spec.parameterCount()) {
                throw problem("corrupted: a " + spec.describe() + " network has " + spec.parameterCount()
                        + " parameters, the file holds " + length + " bytes of them");
            }
            return readFloats(spec.parameterCount(), "parameters");
        }

        /** Version 1: a model kind, named parameter shapes, then their weights; the layout of vecnet 0.1. */
        private Mlp readVersion1() throws IOException {
            String kind = readName("model kind");
            List<String> names = switch (kind) {
                case "linear" -> List.of("W", "b");
                case "net" -> List.of("W1", "b1", "W2", "b2");
                default -> throw problem("unknown model kind '" + kind + "' (known: linear, net)");
            };
            int count = Byte.toUnsignedInt(bytes(1, "parameter count")[0]);
            if (count != names.size()) {
                throw problem("a " + kind + " model has " + names.size() + " parameters, the file says " + count);
            }
            int[][] shapes = readShapes(names);
            long total = 0;
            for (int[] shape : shapes) {
                total += (long) shape[0] * shape[1];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw problem("impossible: " + total + " weights do not fit in one array");
            }
            requireSize(position + 4 * total + CRC_BYTES);
            float[] parameters = readFloats((int) total, "weights");
            readCrc();
            return build(version1Spec(kind, shapes), parameters);
        }

        private NetworkSpec version1Spec(String kind, int[][] shapes) throws ModelFileException {
            boolean consistent = shapes[1][0] == 1 && shapes[1][1] == shapes[0][1];
            if (kind.equals("net")) {
                consistent &= shapes[2][0] == shapes[0][1] && shapes[3][0] == 1 && shapes[3][1] == shapes[2][1];
            }
            if (!consistent) {
                throw problem("inconsistent shapes: " + describe(shapes));
            }
            try {
                return kind.equals("net")
                        ? NetworkSpec.of(shapes[0][0], shapes[2][1], Activation.RELU, shapes[0][1])
                        : NetworkSpec.linear(shapes[0][0], shapes[0][1]);
            } catch (IllegalArgumentException e) {
                throw problem("impossible network: " + e.getMessage());
            }
        }

        private static String describe(int[][] shapes) {
            return String.join(", ", Arrays.stream(shapes).map(s -> s[0] + "x" + s[1]).toList());
        }

        private int[][] readShapes(List<String> names) throws IOException {
            int[][] shapes = new int[names.size()][];
            for (int i = 0; i < shapes.length; i++) {
                String name = readName("parameter name");
                if (!name.equals(names.get(i))) {
                    throw problem("parameter " + (i + 1) + " is named '" + name + "', expected '" + names.get(i) + "'");
                }
                ByteBuffer shape = buffer(8, "shape of " + name);
                long rows = Integer.toUnsignedLong(shape.getInt());
                long cols = Integer.toUnsignedLong(shape.getInt());
                // Each dimension first: the product of two values near 2^32 would wrap around in a long.
                if (rows < 1 || cols < 1 || rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE
                        || rows * cols > Integer.MAX_VALUE - 8) {
                    throw problem("parameter " + name + " has the impossible shape " + rows + "x" + cols);
                }
                shapes[i] = new int[] {(int) rows, (int) cols};
            }
            return shapes;
        }

        private String readName(String what) throws IOException {
            int length = Byte.toUnsignedInt(bytes(1, what)[0]);
            if (length < 1 || length > MAX_NAME_BYTES) {
                throw problem(what + " is " + length + " bytes long; it must be 1 to " + MAX_NAME_BYTES);
            }
            byte[] name = bytes(length, what);
            for (byte b : name) {
                if (b < 0x21 || b > 0x7E) {
                    throw problem(what + " is not printable ASCII");
                }
            }
            return new String(name, StandardCharsets.US_ASCII);
        }

        /** Checks, before allocating, that the file holds exactly the bytes the header describes. */
        private void requireSize(long expected) throws ModelFileException {
            if (size < expected) {
                throw problem("truncated: its header describes " + expected + " bytes, the file has " + size);
            }
            if (size > expected) {
                throw problem("corrupted: " + (size - expected) + " unexpected bytes after the model");
            }
        }

        private void readMagic() throws IOException {
            byte[] magic = new byte[MAGIC.length];
            int read = in.readNBytes(magic, 0, magic.length);
            position += read;
            if (read < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
                throw problem("not a vecnet model file (it does not start with the model file signature)");
            }
        }

        private float[] readFloats(int count, String what) throws IOException {
            float[] values = new float[count];
            for (int i = 0; i < count; i += 1024) {
                int n = Math.min(1024, count - i);
                buffer(4 * n, what).asFloatBuffer().get(values, i, n);
            }
            return values;
        }

        private void readCrc() throws IOException {
            long computed = crc.getValue();
            long stored = Integer.toUnsignedLong(buffer(CRC_BYTES, "CRC32").getInt());
            if (stored != computed) {
                throw problem(String.format("corrupted: CRC32 mismatch (stored %08x, computed %08x)", stored, computed));
            }
        }

        private Mlp build(NetworkSpec spec, float[] parameters) throws ModelFileException {
            try {
                return Mlp.of(spec, parameters);
            } catch (IllegalArgumentException e) {
                throw problem(e.getMessage());
            }
        }

        private ByteBuffer buffer(int length, String what) throws IOException {
            return ByteBuffer.wrap(bytes(length, what)).order(ByteOrder.LITTLE_ENDIAN);
        }

        private byte[] bytes(int length, String what) throws IOException {
            byte[] bytes = in.readNBytes(length);
            position += bytes.length;
            if (bytes.length < length) {
                throw problem("truncated: the file ends at byte " + position + ", inside the " + what);
            }
            return bytes;
        }

        private ModelFileException problem(String problem) {
            return new ModelFileException(source, problem);
        }
    }
}
