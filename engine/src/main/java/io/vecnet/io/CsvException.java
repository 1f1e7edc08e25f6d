package io.vecnet.io;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV file that cannot be used, with the file, the line (when there is one) and the problem in one line. */
public final class CsvException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /** A problem on line {@code line} (1-based) of {@code file}. */
    public CsvException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** A problem with {@code file} as a whole. */
    public CsvException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
