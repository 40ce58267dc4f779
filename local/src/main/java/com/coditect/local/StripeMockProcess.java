package com.coditect.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stripe-mock child process, Stripe's API for the local runtime: HTTP on 127.0.0.1 at a given
 * port with {@code -strict-version-check} (as scripts/stripe-mock.sh starts it for the tests), its
 * HTTPS on a socket file beside its log instead of port 12112 of every interface; stopped with the
 * runtime.
 */
final class StripeMockProcess implements AutoCloseable {

  private final Process process;
  private final URI endpoint;

  private StripeMockProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  static StripeMockProcess start(Path binary, int port, Path logFile) throws IOException, InterruptedException {
    Files.createDirectories(logFile.getParent());
    Path httpsSocket = logFile.resolveSibling("stripe-mock-https.sock");
    Files.deleteIfExists(httpsSocket);
    Process process = new ProcessBuilder(binary.toString(), "-http-addr", "127.0.0.1:" + port,
        "-https-unix", httpsSocket.toString(), "-strict-version-check")
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .start();
    StripeMockProcess stripe = new StripeMockProcess(process, URI.create("http://127.0.0.1:" + port));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    // Any answer means it serves (without a key it answers 401).
    HttpRequest probe = HttpRequest.newBuilder(stripe.endpoint.resolve("/v1/products")).GET().build();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("stripe-mock exited at start; see " + logFile);
      }
      try {
        http.send(probe, HttpResponse.BodyHandlers.discarding());
        return stripe;
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    stripe.close();
    throw new IOException("stripe-mock did not answer within 30 s; see " + logFile);
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    process.destroy();
  }
}
