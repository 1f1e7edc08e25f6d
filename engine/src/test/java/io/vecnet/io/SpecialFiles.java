package io.vecnet.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Makes FIFOs and device nodes for tests with the system's own tools; {@code false} where it cannot. */
final class SpecialFiles {
    private SpecialFiles() {
    }

    static boolean mkfifo(Path path) {
        return run("mkfifo", path.toString());
    }

    /** A character device like /dev/null (major 1, minor 3), which only root may make. */
    static boolean nullDevice(Path path) {
        return run("mknod", path.toString(), "c", "1", "3");
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
