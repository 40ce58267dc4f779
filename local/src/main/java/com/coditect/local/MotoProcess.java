package com.coditect.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The moto server child process: started on 127.0.0.1 at a given port, stopped with the runtime. */
final class MotoProcess implements AutoCloseable {

  private final Process process;

  private MotoProcess(Process process) {
    this.process = process;
  }

  static MotoProcess start(Path binary, int port, Path logFile) throws IOException, InterruptedException {
    Files.createDirectories(logFile.getParent());
    Process process = new ProcessBuilder(binary.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
        .redirectErrorStream(true)
        .redirectOutput(logFile.toFile())
        .start();
    MotoProcess moto = new MotoProcess(process);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    URI ready = URI.create("http://127.0.0.1:" + port + "/moto-api/");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("moto_server exited at start; see " + logFile);
      }
      try {
        if (http.send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.discarding())
            .statusCode() == 200) {
          return moto;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    moto.close();
    throw new IOException("moto_server did not answer within 30 s; see " + logFile);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
