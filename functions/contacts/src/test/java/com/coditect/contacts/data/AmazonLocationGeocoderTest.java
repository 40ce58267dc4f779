package com.coditect.contacts.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.geoplaces.GeoPlacesClient;

/**
 * The geocoder through the real Places client (the SDK signs and sends the request) against a local
 * HTTP server that answers as Amazon Location's Geocode does: what it asks and how it reads the
 * answer, since no local emulator serves Amazon Location.
 */
class AmazonLocationGeocoderTest {

  private HttpServer server;
  private final AtomicReference<JsonNode> asked = new AtomicReference<>();
  private volatile int status = 200;
  private volatile String answer = "{\"ResultItems\":[{\"PlaceId\":\"p\",\"PlaceType\":\"PointAddress\",\"Title\":\"x\","
      + "\"Position\":[-0.1356813,51.5073509]}]}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      asked.set(Json.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      byte[] body = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void asksForTheBestMatchInTheAddresssCountryAndReadsLatitudeSecond() {
    Optional<Geocoder.Coordinates> point = geocoder().locate("12 St James's Square", "London", "SW1Y 4JH", "GB");
    assertEquals(Optional.of(new Geocoder.Coordinates(new BigDecimal("51.507351"), new BigDecimal("-0.135681"))), point);
    JsonNode request = asked.get();
    assertEquals("12 St James's Square, SW1Y 4JH London", request.path("QueryText").asText());
    assertEquals("GBR", request.path("Filter").path("IncludeCountries").path(0).asText());
    assertEquals(1, request.path("MaxResults").asInt());
  }

  @Test
  void noMatchOrAFailureLeavesTheAddressWithoutAPoint() {
    answer = "{\"ResultItems\":[]}";
    assertTrue(geocoder().locate("Nowhere 1", "Atlantis", "00000", "GR").isEmpty());
    status = 500;
    answer = "{\"message\":\"internal\"}";
    assertTrue(geocoder().locate("Nowhere 1", "Atlantis", "00000", "GR").isEmpty());
  }

  private AmazonLocationGeocoder geocoder() {
    // Built as the tests build every client (the default credentials chain), then sent to the local server.
    GeoPlacesClient client = AwsTestEnvironment.onMoto(GeoPlacesClient.builder())
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
        .build();
    return new AmazonLocationGeocoder(() -> client);
  }
}
