package com.coditect.bench.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the JSON writers of issue #11 on a cold start: first checks that jackson-jr, set up as
 * {@link JacksonJrWriter} is, writes the sample records exactly as {@code shared/json} does (whose
 * parity with the databind mapper the ResponseJsonTests hold), then runs
 * {@link JsonWriteOnce} in fresh JVMs, the writers taking turns, with a function's shaded jar as
 * the classpath, and prints medians. Run from the reactor's classpath:
 * {@code java -cp "bench/target/classes:$(cat bench/target/bench.classpath)" com.coditect.bench.json.JsonWriterEvaluation functions/pm/target/pm.jar [runs]}.
 */
public final class JsonWriterEvaluation {

  private static final List<String> WRITERS = List.of("none", "shared-json", "jackson-jr", "databind");
  private static final String SAMPLE = "com.coditect.pm.api.TaskResponse";
  private static final List<String> PARITY = List.of(SAMPLE, "com.coditect.pm.api.BoardResponse",
      "com.coditect.tenancy.api.TenantResponse", "com.coditect.audit.api.AuditEntryResponse",
      "com.coditect.audit.api.ComplianceReportResponse", "com.coditect.shared.events.DomainEvent");

  private JsonWriterEvaluation() {}

  public static void main(String[] args) throws Exception {
    Path functionJar = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    for (String type : PARITY) {
      Object value = JsonWriteOnce.sample(Class.forName(type), 0);
      String expected = JsonWriteOnce.write("shared-json", value);
      String actual = JsonWriteOnce.write("jackson-jr", value);
      if (!expected.equals(actual)) {
        throw new IllegalStateException("jackson-jr writes " + type + " differently:\n" + expected + "\n" + actual);
      }
    }
    System.out.println("jackson-jr writes the " + PARITY.size() + " sample records as shared/json does");

    String classpath = String.join(":", functionJar.toString(), jarOf(com.fasterxml.jackson.jr.ob.JSON.class),
        jarOf(JsonWriterEvaluation.class));
    Map<String, List<long[]>> results = new LinkedHashMap<>();
    WRITERS.forEach(writer -> results.put(writer, new ArrayList<>()));
    for (int round = 0; round <= runs; round++) {
      for (String writer : WRITERS) {
        long[] sample = runOnce(classpath, writer);
        if (round > 0) { // the first round warms the disk cache and is not counted
          results.get(writer).add(sample);
        }
      }
    }
    System.out.println("| writer | first write ms (median) | process wall ms (median) | classes loaded |");
    System.out.println("|---|---|---|---|");
    results.forEach((writer, samples) -> System.out.printf("| %s | %.1f | %d | %d |%n", writer,
        median(samples, 0) / 1000.0, median(samples, 1), median(samples, 2)));
  }

  /** [write µs, process wall ms, classes loaded] of one fresh JVM. */
  private static long[] runOnce(String classpath, String writer) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The template's JAVA_TOOL_OPTIONS, as the cold-start bench passes them.
    ProcessBuilder builder = new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        "-cp", classpath, JsonWriteOnce.class.getName(), writer, SAMPLE).redirectErrorStream(true);
    long started = System.nanoTime();
    Process process = builder.start();
    String marker = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(JsonWriteOnce.MARKER + " ")) {
          marker = line;
        } else {
          output.append(line).append('\n');
        }
      }
    }
    long wallMillis = (System.nanoTime() - started) / 1_000_000;
    if (process.waitFor() != 0 || marker == null) {
      throw new IllegalStateException(writer + " failed:\n" + output);
    }
    String[] fields = marker.split(" ");
    return new long[] {Long.parseLong(fields[1]), wallMillis, Long.parseLong(fields[2])};
  }

  private static long median(List<long[]> samples, int column) {
    long[] values = samples.stream().mapToLong(sample -> sample[column]).sorted().toArray();
    return values[values.length / 2];
  }

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
