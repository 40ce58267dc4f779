package com.coditect.bench;

import com.coditect.bench.fresh.FirstResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One fresh JVM's time to first response, in milliseconds.
 *
 * @param wall from just before the process was started to the moment its marker line was read
 * @param boot from the JVM's own start time to the first line of main
 * @param init building the handler (or, for the baseline, the client)
 * @param request the first request, against moto
 * @param classes classes loaded by the time the first response was reported
 */
record Sample(double wall, double boot, double init, double request, long classes) {

  /** JVM start to first response as the JVM itself sees it: no process creation, no pipe. */
  double inJvm() {
    return boot + init + request;
  }

  /** Reads the two marker lines of {@link FirstResponse}; the wall time is the caller's. */
  static Sample parse(double wallMillis, String responseLine, String jvmLine) {
    Map<String, Long> response = fields(responseLine, FirstResponse.MARKER, "init_us", "request_us");
    Map<String, Long> jvm = fields(jvmLine, FirstResponse.JVM_MARKER, "boot_ms", "classes");
    return new Sample(wallMillis, jvm.get("boot_ms"), response.get("init_us") / 1000.0,
        response.get("request_us") / 1000.0, jvm.get("classes"));
  }

  private static Map<String, Long> fields(String line, String marker, String... required) {
    if (line == null || !line.startsWith(marker + " ")) {
      throw new IllegalArgumentException("expected a " + marker + " line, got: " + line);
    }
    Map<String, Long> fields = new HashMap<>();
    for (String pair : line.substring(marker.length() + 1).trim().split(" +")) {
      String[] parts = pair.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("not name=value in " + line + ": " + pair);
      }
      fields.put(parts[0], Long.parseLong(parts[1]));
    }
    for (String name : required) {
      if (!fields.containsKey(name)) {
        throw new IllegalArgumentException("no " + name + " in " + line);
      }
    }
    return fields;
  }

  /** The median of the values (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
