package io.dataops4j.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time and bytes allocated by the calling thread, read from HotSpot's per-thread counters. Both counters
 * cover only the thread that reads them: work done by other threads (the loopback server, GC, JIT) is not in
 * them, which is why every stack must make its blocking call on the calling thread.
 */
final class ThreadCost {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    static {
        if (!THREADS.isCurrentThreadCpuTimeSupported() || !THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time and allocation");
        }
        THREADS.setThreadCpuTimeEnabled(true);
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    final long cpuNanos;
    final long allocatedBytes;
    final long wallNanos;

    private ThreadCost(long cpuNanos, long allocatedBytes, long wallNanos) {
        this.cpuNanos = cpuNanos;
        this.allocatedBytes = allocatedBytes;
        this.wallNanos = wallNanos;
    }

    /** The calling thread's counters now. */
    static ThreadCost now() {
        long alloc = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        long cpu = THREADS.getCurrentThreadCpuTime();
        return new ThreadCost(cpu, alloc, System.nanoTime());
    }

    /** The difference since {@code start}. */
    ThreadCost since(ThreadCost start) {
        return new ThreadCost(cpuNanos - start.cpuNanos, allocatedBytes - start.allocatedBytes, wallNanos - start.wallNanos);
    }

    static com.sun.management.ThreadMXBean threads() {
        return THREADS;
    }
}
