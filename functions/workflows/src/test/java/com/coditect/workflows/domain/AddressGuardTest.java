package com.coditect.workflows.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(false);

  private String refusal(String literal) throws UnknownHostException {
    return guard.refusal(InetAddress.getByName(literal));
  }

  @Test
  void refusesEveryAddressThatIsNotPublicUnicast() throws UnknownHostException {
    assertEquals("loopback", refusal("127.0.0.1"));
    assertEquals("loopback", refusal("::1"));
    assertEquals("private", refusal("10.1.2.3"));
    assertEquals("private", refusal("172.16.0.1"));
    assertEquals("private", refusal("192.168.1.1"));
    assertEquals("link-local", refusal("169.254.169.254"));
    assertEquals("link-local", refusal("fe80::1"));
    assertEquals("multicast", refusal("224.0.0.1"));
    assertEquals("multicast", refusal("ff02::1"));
    assertEquals("unique-local", refusal("fd00::1"));
    assertEquals("unspecified", refusal("0.0.0.0"));
    assertEquals("carrier-grade NAT", refusal("100.64.0.1"));
    assertEquals("broadcast", refusal("255.255.255.255"));
    assertEquals("private", refusal("::ffff:10.0.0.1"));
  }

  @Test
  void allowsPublicAddresses() throws UnknownHostException {
    assertNull(refusal("93.184.216.34"));
    assertNull(refusal("2606:2800:220:1:248:1893:25c8:1946"));
    assertNull(refusal("172.32.0.1"), "just outside 172.16.0.0/12");
  }

  @Test
  void loopbackOnlyWhenExplicitlyAllowed() throws UnknownHostException {
    assertNull(new AddressGuard(true).refusal(InetAddress.getByName("127.0.0.1")));
    assertEquals("private", new AddressGuard(true).refusal(InetAddress.getByName("10.0.0.1")));
  }

  @Test
  void anActionToARefusedAddressFailsWithoutAConnection() {
    HttpActions http = new HttpActions(new AddressGuard(false));
    HttpActions.Result loopback = http.post(Json.readTree("{\"url\": \"https://127.0.0.1:9/hook\"}"));
    assertFalse(loopback.ok());
    assertTrue(loopback.error().contains("loopback"), loopback.error());
    HttpActions.Result metadata = http.post(Json.readTree("{\"url\": \"https://169.254.169.254/latest\"}"));
    assertTrue(metadata.error().contains("link-local"), metadata.error());
    HttpActions.Result plain = http.post(Json.readTree("{\"url\": \"http://example.com/\"}"));
    assertEquals("The url must be an https URL with a host.", plain.error());
  }

  @Test
  void aServerOnLoopbackAnswersWhenTheTestSettingAllowsIt() throws Exception {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      byte[] answer = ("{\"got\": " + new String(body, java.nio.charset.StandardCharsets.UTF_8) + "}").getBytes();
      exchange.sendResponseHeaders(200, answer.length);
      exchange.getResponseBody().write(answer);
      exchange.close();
    });
    server.start();
    try {
      HttpActions http = new HttpActions(new AddressGuard(true));
      HttpActions.Result result = http.post(Json.readTree("{\"url\": \"http://127.0.0.1:" + server.getAddress().getPort()
          + "/hook\", \"body\": {\"n\": 1}}"));
      assertTrue(result.ok(), String.valueOf(result.error()));
      assertEquals(200, result.output().path("status").asInt());
      assertEquals(1, result.output().path("body").path("got").path("n").asInt());
    } finally {
      server.stop(0);
    }
  }
}
