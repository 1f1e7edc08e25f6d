package io.vecnet.spark;

import io.vecnet.io.ModelFile;
import io.vecnet.nn.Classifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** An engine {@link Classifier} that Spark can ship to executors: serialised as a vecnet model file. */
final class PortableClassifier implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient Classifier classifier;

    PortableClassifier(Classifier classifier) {
        this.classifier = classifier;
    }

    Classifier get() {
        return classifier;
    }

    static byte[] bytes(Classifier classifier) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelFile.write(classifier, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        byte[] bytes = bytes(classifier);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws IOException {
        byte[] bytes = in.readNBytes(in.readInt());
        classifier = ModelFile.read(new ByteArrayInputStream(bytes), bytes.length, "a serialised vecnet model");
    }
}
