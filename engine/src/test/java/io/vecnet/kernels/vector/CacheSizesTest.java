package io.vecnet.kernels.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheSizesTest {

    @Test
    void readsLinuxSysfsSkippingInstructionAndLevel3Caches(@TempDir Path dir) throws IOException {
        cache(dir, 0, "1", "Data", "48K");
        cache(dir, 1, "1", "Instruction", "32K");
        cache(dir, 2, "2", "Unified", "2048K");
        cache(dir, 3, "3", "Unified", "105M");
        assertEquals(Optional.of(new CacheSizes(48 * 1024, 2048 * 1024, "sysfs")), CacheSizes.fromSysfs(dir));
    }

    @Test
    void sysfsWithoutCacheEntriesOrWithUnreadableOnesGivesNothing(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), CacheSizes.fromSysfs(dir.resolve("missing")));
        assertEquals(Optional.empty(), CacheSizes.fromSysfs(dir));
        cache(dir, 0, "1", "Data", "lots");
        assertEquals(Optional.empty(), CacheSizes.fromSysfs(dir));
    }

    @Test
    void readsGetconfOutput() {
        List<String> lines = List.of("LEVEL1_ICACHE_SIZE                 32768",
                "LEVEL1_DCACHE_SIZE                 49152", "LEVEL1_DCACHE_ASSOC                12",
                "LEVEL2_CACHE_SIZE                  1048576", "LEVEL3_CACHE_SIZE                  532676608",
                "LEVEL4_CACHE_SIZE                  ");
        assertEquals(Optional.of(new CacheSizes(49152, 1048576, "getconf")), CacheSizes.fromGetconf(lines));
        assertEquals(Optional.empty(), CacheSizes.fromGetconf(List.of("LEVEL1_DCACHE_SIZE 0", "LEVEL2_CACHE_SIZE")));
    }

    @Test
    void readsSysctlOutput() {
        List<String> lines = List.of("hw.l1dcachesize: 65536", "hw.l2cachesize: 4194304");
        assertEquals(Optional.of(new CacheSizes(65536, 4194304, "sysctl")), CacheSizes.fromSysctl(lines));
        assertEquals(Optional.empty(), CacheSizes.fromSysctl(List.of("sysctl: unknown oid 'hw.l1dcachesize'")));
    }

    @Test
    void parsesSizesWithAndWithoutUnits() {
        assertEquals(49152, CacheSizes.parseSize("48K"));
        assertEquals(2 << 20, CacheSizes.parseSize("2M"));
        assertEquals(512, CacheSizes.parseSize("512"));
        assertThrows(NumberFormatException.class, () -> CacheSizes.parseSize("K"));
    }

    @Test
    void propertiesSetTheSizesAndBadValuesAreIgnored() {
        String l1 = System.getProperty(CacheSizes.L1_PROPERTY);
        String l2 = System.getProperty(CacheSizes.L2_PROPERTY);
        try {
            System.setProperty(CacheSizes.L1_PROPERTY, "65536");
            System.setProperty(CacheSizes.L2_PROPERTY, "0");
            assertEquals(new CacheSizes(65536, CacheSizes.FALLBACK.l2(), "system properties"), CacheSizes.detect());
            System.setProperty(CacheSizes.L1_PROPERTY, "lots");
            System.clearProperty(CacheSizes.L2_PROPERTY);
            CacheSizes detected = CacheSizes.detect();
            assertTrue(!detected.source().equals("system properties") && detected.l1Data() > 0, detected.toString());
        } finally {
            restore(CacheSizes.L1_PROPERTY, l1);
            restore(CacheSizes.L2_PROPERTY, l2);
        }
    }

    private static void restore(String name, String value) {
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    @Test
    void thisMachineReportsPositiveSizes() {
        CacheSizes detected = CacheSizes.detect();
        assertTrue(detected.l1Data() > 0 && detected.l2() > detected.l1Data() / 2, detected.toString());
    }

    @Test
    void blockingKeepsTheBPanelInHalfOfL1AndTheABlockInHalfOfL2() {
        for (CacheSizes caches : List.of(new CacheSizes(32 << 10, 512 << 10, "a"),
                new CacheSizes(48 << 10, 1 << 20, "b"), new CacheSizes(48 << 10, 2 << 20, "c"),
                new CacheSizes(64 << 10, 4 << 20, "d"), new CacheSizes(128 << 10, 16 << 20, "e"))) {
            GemmBlocking blocking = GemmBlocking.forCaches(caches);
            String context = caches + " -> " + blocking;
            long bPanel = (long) blocking.kc() * PackedGemm.NR * Float.BYTES;
            long aBlock = (long) blocking.mc() * blocking.kc() * Float.BYTES;
            assertTrue(blocking.kc() == 64 || bPanel <= caches.l1Data() / 2, context);
            assertTrue(blocking.kc() == 512 || bPanel + PackedGemm.NR * 8 * Float.BYTES > caches.l1Data() / 2,
                    "KC should use half of L1: " + context);
            assertTrue(aBlock <= caches.l2() / 2, context);
            assertEquals(0, blocking.mc() % PackedGemm.MR, context);
            assertEquals(0, blocking.nc() % PackedGemm.NR, context);
        }
    }

    private static void cache(Path dir, int index, String level, String type, String size) throws IOException {
        Path entry = Files.createDirectories(dir.resolve("index" + index));
        Files.writeString(entry.resolve("level"), level + "\n");
        Files.writeString(entry.resolve("type"), type + "\n");
        Files.writeString(entry.resolve("size"), size + "\n");
    }
}
