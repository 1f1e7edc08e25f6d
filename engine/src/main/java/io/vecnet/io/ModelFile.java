package io.vecnet.io;

import io.vecnet.Matrix;
import io.vecnet.model.Model;
import io.vecnet.model.Parameter;
import io.vecnet.model.SoftmaxClassifier;
import io.vecnet.model.TwoLayerNet;
import java.io.BufferedInputStream;
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
 * vecnet's binary model format, version {@value #VERSION}: a header with the model kind and every
 * parameter's name and shape, then the weights as float32 little-endian, then a CRC32 of all
 * preceding bytes. The full specification is {@code docs/model-format.md}.
 *
 * <p>Loading reads numbers only, never code, and checks every shape against the file's size before
 * allocating anything, so a hostile or damaged file costs at most an exception.
 */
public final class ModelFile {
    public static final int VERSION = 1;
    /** {@code \x89 V N E T \r \n \x1A}: not text, and damaged by any line-ending or 7-bit conversion. */
    static final byte[] MAGIC = {(byte) 0x89, 'V', 'N', 'E', 'T', '\r', '\n', 0x1A};
    static final int MAX_NAME_BYTES = 16;
    private static final int CRC_BYTES = 4;

    private ModelFile() {
    }

    /** Writes {@code model} to {@code file}, all at once or not at all. */
    public static void save(Model model, Path file) throws IOException {
        AtomicFile.write(file, out -> write(model, out));
    }

    /** Writes {@code model} in the model format to {@code out}. */
    public static void write(Model model, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        CheckedOutputStream checked = new CheckedOutputStream(out, crc);
        List<Parameter> parameters = model.parameters();
        ByteBuffer header = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        header.put(MAGIC).putInt(VERSION);
        putName(header, model.kind());
        header.put((byte) parameters.size());
        for (Parameter p : parameters) {
            putName(header, p.name());
            header.putInt(p.value().rows()).putInt(p.value().cols());
        }
        checked.write(header.array(), 0, header.position());
        for (Parameter p : parameters) {
            writeFloats(p.value().data(), checked);
        }
        ByteBuffer trailer = ByteBuffer.allocate(CRC_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        out.write(trailer.array());
    }

    public static Model load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new Reader(file, Files.size(file), in).read();
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file");
        }
    }

    private static void putName(ByteBuffer header, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        header.put((byte) bytes.length).put(bytes);
    }

    private static void writeFloats(float[] values, OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < values.length; i += 1024) {
            buffer.clear();
            buffer.asFloatBuffer().put(values, i, Math.min(1024, values.length - i));
            out.write(buffer.array(), 0, 4 * Math.min(1024, values.length - i));
        }
    }

    /** The parameter names each model kind stores, in order. */
    static List<String> parameterNames(String kind) {
        return switch (kind) {
            case SoftmaxClassifier.KIND -> List.of("W", "b");
            case TwoLayerNet.KIND -> List.of("W1", "b1", "W2", "b2");
            default -> List.of();
        };
    }

    private static final class Reader {
        private final Path file;
        private final long size;
        private final CRC32 crc = new CRC32();
        private final InputStream in;
        private long position;

        Reader(Path file, long size, InputStream in) {
            this.file = file;
            this.size = size;
            this.in = new CheckedInputStream(in, crc);
        }

        Model read() throws IOException {
            readMagic();
            readVersion();
            String kind = readName("model kind");
            List<String> names = parameterNames(kind);
            if (names.isEmpty()) {
                throw problem("unknown model kind '" + kind + "' (known: linear, net)");
            }
            int count = Byte.toUnsignedInt(bytes(1, "parameter count")[0]);
            if (count != names.size()) {
                throw problem("a " + kind + " model has " + names.size() + " parameters, the file says " + count);
            }
            int[][] shapes = readShapes(names);
            requireSize(shapes);
            List<Matrix> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(readMatrix(names.get(i), shapes[i]));
            }
            readCrc();
            return build(kind, values);
        }

        private void readMagic() throws IOException {
            byte[] magic = new byte[MAGIC.length];
            int read = in.readNBytes(magic, 0, magic.length);
            position += read;
            if (read < MAGIC.length || !Arrays.equals(magic, MAGIC)) {
                throw problem("not a vecnet model file (it does not start with the model file signature)");
            }
        }

        private void readVersion() throws IOException {
            long version = Integer.toUnsignedLong(buffer(4, "format version").getInt());
            if (version != VERSION) {
                throw problem("model format version " + version + " is not supported; this vecnet reads version "
                        + VERSION);
            }
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
                if (rows < 1 || cols < 1 || rows * cols > Integer.MAX_VALUE - 8) {
                    throw problem("parameter " + name + " has the impossible shape " + rows + "x" + cols);
                }
                shapes[i] = new int[] {(int) rows, (int) cols};
            }
            return shapes;
        }

        /** Checks, before allocating, that the file holds exactly the weights the header describes. */
        private void requireSize(int[][] shapes) throws ModelFileException {
            long expected = position + CRC_BYTES;
            for (int[] shape : shapes) {
                expected += 4L * shape[0] * shape[1];
            }
            if (size < expected) {
                throw problem("truncated: its header describes " + expected + " bytes, the file has " + size);
            }
            if (size > expected) {
                throw problem("corrupted: " + (size - expected) + " unexpected bytes after the model");
            }
        }

        private Matrix readMatrix(String name, int[] shape) throws IOException {
            float[] values = new float[shape[0] * shape[1]];
            for (int i = 0; i < values.length; i += 1024) {
                int n = Math.min(1024, values.length - i);
                buffer(4 * n, "weights of " + name).asFloatBuffer().get(values, i, n);
            }
            return new Matrix(shape[0], shape[1], values);
        }

        private void readCrc() throws IOException {
            long computed = crc.getValue();
            long stored = Integer.toUnsignedLong(buffer(CRC_BYTES, "CRC32").getInt());
            if (stored != computed) {
                throw problem(String.format("corrupted: CRC32 mismatch (stored %08x, computed %08x)", stored, computed));
            }
        }

        private Model build(String kind, List<Matrix> values) throws ModelFileException {
            for (int i = 0; i < values.size(); i++) {
                for (float v : values.get(i).data()) {
                    if (!Float.isFinite(v)) {
                        throw problem("parameter " + parameterNames(kind).get(i) + " holds " + v
                                + "; weights must be finite");
                    }
                }
            }
            try {
                return kind.equals(TwoLayerNet.KIND)
                        ? new TwoLayerNet(values.get(0), values.get(1), values.get(2), values.get(3))
                        : new SoftmaxClassifier(values.get(0), values.get(1));
            } catch (IllegalArgumentException e) {
                throw problem("inconsistent shapes: " + e.getMessage());
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
            return new ModelFileException(file, problem);
        }
    }
}
