package io.vecnet.kernels.vector;

import io.vecnet.kernels.KernelProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One core's level-1 data cache and level-2 cache, in bytes, as the operating system reports them:
 * the packed GEMM sizes its blocks from these ({@link GemmBlocking}). Asked in order: the system
 * properties {@value #L1_PROPERTY} and {@value #L2_PROPERTY}; Linux's sysfs; {@code getconf}, which
 * asks the CPU itself where a virtual machine's sysfs lists no caches; macOS's {@code sysctl}; and
 * last {@link #FALLBACK}, sizes smaller than any current x86-64 or ARM server core has.
 */
public record CacheSizes(int l1Data, int l2, String source) {
    public static final String L1_PROPERTY = "vecnet.cache.l1d";
    public static final String L2_PROPERTY = "vecnet.cache.l2";
    static final CacheSizes FALLBACK = new CacheSizes(32 * 1024, 512 * 1024, "defaults");
    private static final Path SYSFS = Path.of("/sys/devices/system/cpu/cpu0/cache");

    public CacheSizes {
        if (l1Data <= 0 || l2 <= 0) {
            throw new IllegalArgumentException("cache sizes must be > 0, got L1d " + l1Data + " and L2 " + l2);
        }
    }

    /** The sizes of the machine this JVM runs on; see the class comment for where they come from. */
    public static CacheSizes detect() {
        return fromProperties()
                .or(() -> fromSysfs(SYSFS))
                .or(() -> run("getconf", "-a").flatMap(CacheSizes::fromGetconf))
                .or(() -> run("sysctl", "hw.l1dcachesize", "hw.l2cachesize").flatMap(CacheSizes::fromSysctl))
                .orElse(FALLBACK);
    }

    private static Optional<CacheSizes> fromProperties() {
        int l1 = sizeProperty(L1_PROPERTY);
        int l2 = sizeProperty(L2_PROPERTY);
        if (l1 == 0 && l2 == 0) {
            return Optional.empty();
        }
        return Optional.of(new CacheSizes(l1 == 0 ? FALLBACK.l1Data : l1, l2 == 0 ? FALLBACK.l2 : l2,
                "system properties"));
    }

    /** The property's size in bytes, or 0 if it is unset or, with a warning, not a whole number above 0. */
    private static int sizeProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            return 0;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size > 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below, as a value out of range is
        }
        System.getLogger(KernelProvider.LOGGER).log(System.Logger.Level.WARNING,
                "ignoring -D" + name + "=" + value + ": a cache size is a whole number of bytes above 0");
        return 0;
    }

    /** Reads the {@code level}, {@code type} and {@code size} (such as {@code 48K}) of each cache under cacheDir. */
    static Optional<CacheSizes> fromSysfs(Path cacheDir) {
        int l1 = 0;
        int l2 = 0;
        try (var entries = Files.newDirectoryStream(cacheDir, "index*")) {
            for (Path index : entries) {
                String level = Files.readString(index.resolve("level")).trim();
                String type = Files.readString(index.resolve("type")).trim();
                int size = parseSize(Files.readString(index.resolve("size")).trim());
                if (level.equals("1") && type.equals("Data")) {
                    l1 = size;
                } else if (level.equals("2") && !type.equals("Instruction")) {
                    l2 = size;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return sizes(l1, l2, "sysfs");
    }

    /** Parses {@code getconf -a} lines such as {@code LEVEL1_DCACHE_SIZE   49152}. */
    static Optional<CacheSizes> fromGetconf(List<String> lines) {
        return sizes(value(lines, "LEVEL1_DCACHE_SIZE"), value(lines, "LEVEL2_CACHE_SIZE"), "getconf");
    }

    /** Parses {@code sysctl} lines such as {@code hw.l1dcachesize: 65536}. */
    static Optional<CacheSizes> fromSysctl(List<String> lines) {
        return sizes(value(lines, "hw.l1dcachesize:"), value(lines, "hw.l2cachesize:"), "sysctl");
    }

    private static Optional<CacheSizes> sizes(int l1, int l2, String source) {
        return l1 > 0 && l2 > 0 ? Optional.of(new CacheSizes(l1, l2, source)) : Optional.empty();
    }

    private static int value(List<String> lines, String key) {
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2 && fields[0].equals(key)) {
                try {
                    return Integer.parseInt(fields[1]);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** {@code 48K} → 49152, {@code 2M} → 2097152, {@code 512} → 512. */
    static int parseSize(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        int unit = upper.endsWith("K") ? 1 << 10 : upper.endsWith("M") ? 1 << 20 : 1;
        String digits = unit == 1 ? upper : upper.substring(0, upper.length() - 1);
        return Math.multiplyExact(Integer.parseInt(digits), unit);
    }

    /** The command's standard output as lines, or nothing if the command is missing or fails. */
    private static Optional<List<String>> run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] out;
            try (InputStream in = process.getInputStream()) {
                out = in.readNBytes(1 << 20);
            }
            if (!process.waitFor(1, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "L1d " + l1Data / 1024 + " KiB, L2 " + l2 / 1024 + " KiB (" + source + ")";
    }
}
