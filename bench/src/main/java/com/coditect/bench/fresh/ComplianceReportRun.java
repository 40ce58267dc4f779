package com.coditect.bench.fresh;

import com.coditect.audit.ComplianceReportHandler;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Generates one compliance report in a fresh JVM through the function's real entry point (the
 * handler's no-arg constructor and the event the rule delivers), and reports the heap's peak: the
 * largest heap occupancy seen just before any collection (where the heap peaks), or at the end.
 * Run with a small {@code -Xmx}: a generator that held the entries would run out of memory.
 */
public final class ComplianceReportRun {

  /**
   * {@code <MARKER> heap_peak_bytes=<n> live_peak_bytes=<n> millis=<n> cpu_millis=<n> gcs=<n> max_heap_bytes=<n>}:
   * the heap's peak (before a collection, or at the end), the most it held right after a
   * collection (what the generator keeps alive), wall and CPU time of the generation.
   */
  public static final String MARKER = "BENCH-REPORT";

  private ComplianceReportRun() {}

  public static void main(String[] args) {
    AtomicLong peak = new AtomicLong();
    AtomicLong live = new AtomicLong();
    AtomicLong collections = new AtomicLong();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          peak.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
          live.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
          collections.incrementAndGet();
        }
      }, null, null);
    }

    var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStarted = os.getProcessCpuTime();
    long started = System.nanoTime();
    new ComplianceReportHandler().handleRequest(Map.of(
        "version", "0", "id", "bench", "source", "coditect.audit", "detail-type", "compliance_report.requested",
        "detail", Map.of("event_id", "bench-" + System.nanoTime(), "tenant_id", System.getProperty("bench.tenant_id"),
            "action", "compliance_report.requested", "resource_type", "compliance_report",
            "resource_id", System.getProperty("bench.report_id"))), null);
    long millis = (System.nanoTime() - started) / 1_000_000;
    long cpuMillis = (os.getProcessCpuTime() - cpuStarted) / 1_000_000;

    long now = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        now += pool.getUsage().getUsed();
      }
    }
    peak.accumulateAndGet(now, Math::max);
    System.out.println(MARKER + " heap_peak_bytes=" + peak.get() + " live_peak_bytes=" + live.get() + " millis="
        + millis + " cpu_millis=" + cpuMillis + " gcs=" + collections.get() + " max_heap_bytes="
        + Runtime.getRuntime().maxMemory());
    System.out.flush();
    // The SDK's idle connection reaper would keep the JVM alive for a while.
    System.exit(0);
  }

  /** The heap's occupancy from a collection's per-pool figures (non-heap pools are left out). */
  private static long heapUsed(Map<String, MemoryUsage> pools) {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage usage = pools.get(pool.getName());
      if (pool.getType() == MemoryType.HEAP && usage != null) {
        used += usage.getUsed();
      }
    }
    return used;
  }
}
