package io.codeanatomy.runtime.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The CPU time of this process so far, every thread's: what a phase's CPU time is the difference of. */
final class ProcessCpu {
    private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** The process's CPU nanoseconds so far, or -1 where the JVM cannot say. */
    static long nanos() {
        return SYSTEM instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }
}
