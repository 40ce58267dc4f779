package com.coditect.shared.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * What the AWS SDK logs through SLF4J reaches the structured log at WARN and above, with the
 * request's context, and nothing below WARN does. The SDK is made to warn for real: a stub
 * DynamoDB answers every call "RequestTimeTooSkewed" with a Date header the SDK cannot read, and
 * the SDK, deciding how to retry, warns that it cannot correct its clock.
 */
class SdkWarningLogTest {

  private static final ObjectMapper MAPPER = Json.newMapper();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final AtomicInteger calls = new AtomicInteger();
  private ServerSocket dynamoDb;

  @BeforeEach
  void start() throws Exception {
    Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
    // A raw socket, not com.sun.net.httpserver, which would put a valid Date header of its own.
    dynamoDb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread server = new Thread(this::answerSkewed, "stub-dynamodb");
    server.setDaemon(true);
    server.start();
  }

  /** Answers each request, one per connection, with a clock-skew error and an unreadable Date. */
  private void answerSkewed() {
    byte[] body = "{\"__type\":\"com.amazon.coral.service#RequestTimeTooSkewed\",\"message\":\"Signature expired\"}"
        .getBytes(StandardCharsets.UTF_8);
    while (!dynamoDb.isClosed()) {
      try (Socket connection = dynamoDb.accept()) {
        BufferedReader request = new BufferedReader(
            new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
        int length = 0;
        for (String header = request.readLine(); header != null && !header.isEmpty(); header = request.readLine()) {
          if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(header.substring("content-length:".length()).trim());
          }
        }
        request.skip(length);
        calls.incrementAndGet();
        OutputStream response = connection.getOutputStream();
        response.write(("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: application/x-amz-json-1.0\r\n"
            + "x-amzn-ErrorType: RequestTimeTooSkewed\r\n"
            + "Date: not a date\r\n"
            + "Connection: close\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        response.write(body);
        response.flush();
      } catch (IOException e) {
        // closed by stop(), or a client that went away: the next accept decides
      }
    }
  }

  @AfterEach
  void stop() throws IOException {
    dynamoDb.close();
    Log.clearContext();
    Log.redirect(System.out);
  }

  @Test
  void slf4jIsBackedByTheStructuredLog() {
    assertEquals(StructuredLogger.class, LoggerFactory.getLogger("any").getClass());
  }

  @Test
  void theSdksRetryWarningIsAStructuredWarnLineWithTheRequestsContext() throws Exception {
    try (DynamoDbClient client = DynamoDbClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:" + dynamoDb.getLocalPort()))
        // The stub checks no signature; anonymous requests need no credentials from anywhere.
        .credentialsProvider(AnonymousCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(config -> config.retryStrategy(retry -> retry.maxAttempts(2)))
        .build()) {
      Log.setContext("req-7", "tenant-7");
      assertThrows(DynamoDbException.class, () -> client.getItem(request -> request.tableName("t")
          .key(Map.of("PK", AttributeValue.fromS("k"), "SK", AttributeValue.fromS("k")))));
    }
    assertEquals(2, calls.get(), "the SDK retried once");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        lines.add(MAPPER.readTree(line));
      }
    }
    List<JsonNode> skew = lines.stream()
        .filter(line -> line.get("logger").asText().equals("software.amazon.awssdk.core.retry.ClockSkew"))
        .toList();
    assertTrue(!skew.isEmpty(), "no SDK warning logged: " + lines);
    JsonNode warning = skew.get(0);
    assertEquals("WARN", warning.get("level").asText());
    assertTrue(warning.get("message").asText().startsWith("Unable to parse clock skew offset from response: not a date"),
        warning.toString());
    assertEquals("req-7", warning.get("request_id").asText());
    assertEquals("tenant-7", warning.get("tenant_id").asText());
    assertTrue(warning.has("error"), "the SDK's exception class is on the line");
    // The SDK logs every request and retry decision at DEBUG: none of it is written.
    assertTrue(lines.stream().allMatch(line -> line.get("level").asText().equals("WARN")
        || line.get("level").asText().equals("ERROR")), lines.toString());
  }
}
