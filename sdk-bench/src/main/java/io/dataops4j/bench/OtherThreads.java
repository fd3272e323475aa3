package io.dataops4j.bench;

import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time and allocation of every other live Java thread, to find out which work a stack does off the calling
 * thread. The loopback server's threads are counted apart; everything else that runs during a stack's round
 * (OkHttp's connection-pool cleaner, Okio's timeout watchdog, an I/O thread) is the client's "helper" work.
 * GC and JIT threads are not Java threads and do not appear.
 */
final class OtherThreads {
    /** What the other threads spent between two snapshots. */
    record Spent(long serverCpuNanos, long helperCpuNanos, long helperAllocatedBytes) {
    }

    private final Map<Long, long[]> counters;
    private final Map<Long, String> names;

    private OtherThreads(Map<Long, long[]> counters, Map<Long, String> names) {
        this.counters = counters;
        this.names = names;
    }

    static OtherThreads now() {
        long self = Thread.currentThread().getId();
        long[] ids = ThreadCost.threads().getAllThreadIds();
        long[] cpu = ThreadCost.threads().getThreadCpuTime(ids);
        long[] alloc = ThreadCost.threads().getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = ThreadCost.threads().getThreadInfo(ids);
        Map<Long, long[]> counters = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != self && cpu[i] >= 0 && infos[i] != null) {
                counters.put(ids[i], new long[] {cpu[i], Math.max(0, alloc[i])});
                names.put(ids[i], infos[i].getThreadName());
            }
        }
        return new OtherThreads(counters, names);
    }

    /**
     * What was spent since {@code start}; helper threads' CPU nanoseconds are also added to
     * {@code helperCpuByName}. A thread that started and ended between the snapshots is missed.
     */
    Spent since(OtherThreads start, Map<String, Long> helperCpuByName) {
        long server = 0;
        long helperCpu = 0;
        long helperAlloc = 0;
        for (Map.Entry<Long, long[]> e : counters.entrySet()) {
            long[] before = start.counters.getOrDefault(e.getKey(), new long[2]);
            long cpu = e.getValue()[0] - before[0];
            long alloc = e.getValue()[1] - before[1];
            String name = names.get(e.getKey());
            if (LoopbackServer.isServerThread(name)) {
                server += Math.max(0, cpu);
            } else {
                helperCpu += Math.max(0, cpu);
                helperAlloc += Math.max(0, alloc);
                if (cpu > 0) {
                    helperCpuByName.merge(name, cpu, Long::sum);
                }
            }
        }
        return new Spent(server, helperCpu, helperAlloc);
    }
}
