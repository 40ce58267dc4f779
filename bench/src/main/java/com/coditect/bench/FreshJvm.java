package com.coditect.bench;

import com.coditect.bench.fresh.FirstResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Runs a subject in a new JVM and times it from process start to its first-response marker. */
final class FreshJvm {

  private static final long TIMEOUT_SECONDS = 60;

  private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
  private final List<String> jvmFlags;
  private final Map<String, String> environment;

  /**
   * @param jvmFlags the functions' JAVA_TOOL_OPTIONS, passed as flags so the JVM does not print
   *     its "Picked up" notice
   * @param environment the whole environment of the child, as Lambda would set it
   */
  FreshJvm(List<String> jvmFlags, Map<String, String> environment) {
    this.jvmFlags = List.copyOf(jvmFlags);
    this.environment = Map.copyOf(environment);
  }

  Sample run(ColdStartSubject subject) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    subject.properties().forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(subject.classpath().stream().map(Path::toString).collect(Collectors.joining(":")));
    command.add(subject.mainClass());

    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // Only what the template gives a function: nothing of the bench's own environment leaks in.
    builder.environment().clear();
    builder.environment().putAll(environment);

    long started = System.nanoTime();
    Process process = builder.start();
    // A child that hangs (moto gone, say) is killed, which ends the read loop below.
    Thread watchdog = new Thread(() -> {
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
      }
    }, "fresh-jvm-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    double wallMillis = -1;
    String responseLine = null;
    String jvmLine = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (responseLine == null && line.startsWith(FirstResponse.MARKER + " ")) {
          wallMillis = (System.nanoTime() - started) / 1e6;
          responseLine = line;
        } else if (jvmLine == null && line.startsWith(FirstResponse.JVM_MARKER + " ")) {
          jvmLine = line;
        } else {
          output.add(line);
        }
      }
    }
    process.waitFor();
    watchdog.join();
    if (process.exitValue() != 0 || responseLine == null || jvmLine == null) {
      throw new IllegalStateException(subject.name() + " failed (exit " + process.exitValue()
          + "; a run is killed after " + TIMEOUT_SECONDS + " s):\n" + String.join("\n", output));
    }
    return Sample.parse(wallMillis, responseLine, jvmLine);
  }
}
