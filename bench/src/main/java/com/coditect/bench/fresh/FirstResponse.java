package com.coditect.bench.fresh;

import java.lang.management.ManagementFactory;

/**
 * The timing a fresh-JVM main reports to {@code Bench}: two marker lines on stdout once its first
 * response has been checked. Only JDK classes, so it runs next to any function jar.
 */
public final class FirstResponse {

  /** First line: {@code <MARKER> init_us=<n> request_us=<n>}; its arrival stops the wall clock. */
  public static final String MARKER = "BENCH-FIRST-RESPONSE";
  /**
   * Second line: {@code <JVM_MARKER> boot_ms=<n> classes=<n>}: JVM start to the first line of main,
   * and the classes loaded by then (a few dozen of them for reading these figures).
   */
  public static final String JVM_MARKER = "BENCH-JVM";

  private final long mainEpochMillis = System.currentTimeMillis();
  private final long mainNanos = System.nanoTime();
  private long readyNanos;

  private FirstResponse() {}

  /** Call first thing in main. */
  public static FirstResponse start() {
    return new FirstResponse();
  }

  /** The handler (or client) is built; what follows is the first request. */
  public void ready() {
    readyNanos = System.nanoTime();
  }

  /** The first response is in and was checked: prints the markers. */
  public void responded() {
    long respondedNanos = System.nanoTime();
    // StringBuilder, not "+": javac turns "+" into invokedynamic, whose first use costs a JVM that
    // has not bootstrapped it yet (the baseline) milliseconds the functions may already have paid.
    System.out.println(new StringBuilder(MARKER)
        .append(" init_us=").append((readyNanos - mainNanos) / 1_000)
        .append(" request_us=").append((respondedNanos - readyNanos) / 1_000));
    System.out.flush();
    // Read only after the marker is out: loading the management classes takes milliseconds that
    // would otherwise count as time to first response.
    long jvmStartEpochMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println(new StringBuilder(JVM_MARKER)
        .append(" boot_ms=").append(mainEpochMillis - jvmStartEpochMillis)
        .append(" classes=").append(classes));
    System.out.flush();
  }

  /** Ends the JVM with a message when the first response was not a success. */
  public static void fail(String message) {
    System.err.println("first response failed: " + message);
    System.exit(1);
  }
}
