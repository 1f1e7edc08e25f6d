package io.vecnet.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be loaded: truncated, corrupted, of another version, or not a model at all. */
public final class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        this(file.toString(), problem);
    }

    /** A problem with a model read from {@code source}, a file or another store's name for it. */
    public ModelFileException(String source, String problem) {
        super(source + ": " + problem);
    }
}
