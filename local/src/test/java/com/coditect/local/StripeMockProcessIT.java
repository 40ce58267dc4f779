package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make run}'s stripe-mock: the binary scripts/tools.sh built ({@code STRIPE_MOCK}, which
 * scripts/test.sh passes on) serves Stripe's API on the port asked for, checks versions strictly,
 * and is gone when the runtime stops it.
 */
class StripeMockProcessIT {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesStripesApiOnItsPortUntilStopped(@TempDir Path state) throws Exception {
    String binary = System.getenv("STRIPE_MOCK");
    assertTrue(binary != null && Files.isExecutable(Path.of(binary)),
        "STRIPE_MOCK must name the stripe-mock scripts/tools.sh built (make test passes it on): " + binary);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI products;
    try (StripeMockProcess stripe = StripeMockProcess.start(Path.of(binary), port, state.resolve("stripe-mock.log"))) {
      assertEquals(URI.create("http://127.0.0.1:" + port), stripe.endpoint());
      products = stripe.endpoint().resolve("/v1/products");
      HttpResponse<String> list = http.send(authorized(products).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, list.statusCode(), list.body());
      assertTrue(list.body().contains("\"object\":\"list\""), list.body());
      HttpResponse<String> otherVersion = http.send(authorized(products).header("Stripe-Version", "2020-08-27")
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, otherVersion.statusCode(), "started with -strict-version-check: " + otherVersion.body());
    }
    Thread.sleep(300);
    assertThrows(IOException.class, () -> http.send(authorized(products).GET().build(),
        HttpResponse.BodyHandlers.discarding()), "stopped with the runtime");
  }

  private static HttpRequest.Builder authorized(URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("sk_test_local:".getBytes(StandardCharsets.UTF_8)));
  }
}
