package io.vecnet.io;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV file that cannot be used, with the file, the line (when there is one) and the problem in one line. */
public final class CsvException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String problem;
    private final boolean memory;

    /** A problem on line {@code line} (1-based) of {@code file}. */
    public CsvException(Path file, int line, String problem) {
        super(file + " line " + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
        this.memory = false;
    }

    /** A problem with {@code file} as a whole. */
    public CsvException(Path file, String problem) {
        this(file, problem, false);
    }

    private CsvException(Path file, String problem, boolean memory) {
        super(file + ": " + problem);
        this.file = file;
        this.line = 0;
        this.problem = problem;
        this.memory = memory;
    }

    /** {@code file} is too large for the memory this JVM may use. */
    static CsvException tooLargeForMemory(Path file, String problem) {
        return new CsvException(file, problem, true);
    }

    public Path file() {
        return file;
    }

    /** The problem alone, without the file and line the message begins with. */
    public String problem() {
        return problem;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** Whether the file could not be read because it does not fit in the memory this JVM may use. */
    public boolean tooLargeForMemory() {
        return memory;
    }
}
