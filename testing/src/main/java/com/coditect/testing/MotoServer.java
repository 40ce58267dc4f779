package com.coditect.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The moto server the tests talk to: the one {@code make test} started (passed in as
 * {@code -Dmoto.endpoint} or {@code MOTO_ENDPOINT}), else one started lazily for this JVM.
 * A missing moto fails the tests: skipping them would hide that nothing was tested.
 */
public final class MotoServer {

  private static final String HOST = "127.0.0.1";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static final int START_ATTEMPTS = 3;

  private static URI started;

  private MotoServer() {}

  /**
   * The endpoint every AWS client of a test points at. Asking for it also installs this JVM's
   * container-credentials endpoint: every client of a test, like every function on a SnapStart
   * Lambda, finds its credentials there through the SDK's default chain.
   */
  public static URI endpoint() {
    ContainerCredentialsEndpoint.installForThisJvm();
    String configured = System.getProperty("moto.endpoint");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("MOTO_ENDPOINT");
    }
    if (configured != null && !configured.isBlank()) {
      return URI.create(configured.trim());
    }
    return startedForThisJvm();
  }

  private static synchronized URI startedForThisJvm() {
    if (started == null) {
      started = start(binary());
    }
    return started;
  }

  private static Path binary() {
    String configured = System.getenv("MOTO_SERVER");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      if (Files.isExecutable(path)) {
        return path;
      }
      throw new IllegalStateException("MOTO_SERVER=" + configured + " is not an executable file");
    }
    // The project's launcher: moto with DynamoDB transactions that do not copy tables.
    Path launcher = ProjectFiles.root().resolve("scripts/moto-server");
    if (Files.isExecutable(launcher)) {
      return launcher;
    }
    Path venv = ProjectFiles.root().resolve(".venv/bin/moto_server");
    if (Files.isExecutable(venv)) {
      return venv;
    }
    return onPath("moto_server").orElseThrow(() -> new IllegalStateException(
        "moto_server not found (MOTO_SERVER unset, no " + venv + ", none on PATH). "
            + "Run `make test`, which installs moto[server] into .venv/ and starts it."));
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The free port is found by binding and releasing it, so another process may take it before
   * moto binds; a server that exits during startup is therefore retried on a new port.
   */
  private static URI start(Path binary) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      int port = freePort();
      Path log = logFile(port);
      Process process;
      try {
        process = new ProcessBuilder(binary.toString(), "-H", HOST, "-p", String.valueOf(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + binary, e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "moto-server-stop"));
      URI endpoint = URI.create("http://" + HOST + ":" + port);
      try {
        awaitReady(process, endpoint, log);
        return endpoint;
      } catch (IllegalStateException e) {
        stop(process);
        last = e;
      }
    }
    throw last;
  }

  private static void awaitReady(Process process, URI endpoint, Path log) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/"))
        .timeout(Duration.ofSeconds(2))
        .GET()
        .build();
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("moto_server exited with " + process.exitValue()
            + " during startup; log " + log + ":\n" + tail(log));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // expected until the server has bound its port
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for moto_server", e);
      }
      sleep(Duration.ofMillis(100));
    }
    throw new IllegalStateException("moto_server did not answer " + endpoint + "/moto-api/ within "
        + STARTUP_TIMEOUT.toSeconds() + " s; log " + log + ":\n" + tail(log));
  }

  /** Descendants first: a wrapper script (pyenv shim, venv launcher) may not forward signals. */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }

  private static Path logFile(int port) {
    Path dir = Path.of("target");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve("moto-server-" + port + ".log").toAbsolutePath();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for moto_server", e);
    }
  }
}
