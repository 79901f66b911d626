package io.codeanatomy.runtime.result;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The memory peaks of this process so far: {@code peakHeapBytes}, the sum of the heap pools'
 * peak usage (each pool's own peak, so an upper bound of the heap's), and {@code peakRssBytes},
 * the kernel's high-water mark of resident memory ({@code VmHWM} in {@code /proc/self/status};
 * absent where there is no such file).
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    public static SortedMap<String, Object> peaks() {
        SortedMap<String, Object> peaks = new TreeMap<>();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        peaks.put("peakHeapBytes", heap);
        peakRss().ifPresent(rss -> peaks.put("peakRssBytes", rss));
        return peaks;
    }

    private static OptionalLong peakRss() {
        if (!Files.isReadable(STATUS)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    // "VmHWM:	  123456 kB"
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // An unreadable or unexpected status file leaves the figure out; it is a measurement, not a result.
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
