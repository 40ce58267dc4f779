package com.coditect.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands out credentials the way Lambda does to a SnapStart function: an HTTP endpoint named by
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} that answers only requests carrying the token of
 * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, and no access-key variables anywhere. Every function
 * the local runtime or a test hosts then finds its credentials through the SDK's default chain,
 * exactly as on AWS; a client built with a fixed provider is caught by
 * {@link ContainerCredentialsCheck}.
 *
 * <p>One endpoint serves a whole JVM ({@link #installForThisJvm}): the local runtime and the tests
 * host every function in one JVM, so the endpoint and token are set as the SDK's system properties
 * ({@code aws.containerCredentialsFullUri}, {@code aws.containerAuthorizationToken}), which it reads
 * before the environment. A fresh JVM (the bench) gets them as environment variables
 * ({@link #lambdaEnvironment}).
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {

  /** The access-key settings a function's environment must not hold (Lambda gives a SnapStart function none). */
  static final List<String> ACCESS_KEY_VARIABLES =
      List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE");
  private static final List<String> ACCESS_KEY_PROPERTIES =
      List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.sessionToken", "aws.profile");
  private static final Duration LIFETIME = Duration.ofHours(6);
  private static final String PATH = "/2018-06-01/credentials";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] KEY_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private static ContainerCredentialsEndpoint installed;

  private final HttpServer server;
  private final String token = randomToken();
  private final Set<String> issuedKeyIds = ConcurrentHashMap.newKeySet();
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  private ContainerCredentialsEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the container-credentials endpoint", e);
    }
    server.createContext(PATH, this::answer);
    server.start();
  }

  /**
   * The endpoint of this JVM, started and made the SDK's credentials source on first call. Fails
   * if the JVM was started with access keys (environment or system properties): the default chain
   * would take those before the container endpoint, and nothing would show it.
   */
  public static synchronized ContainerCredentialsEndpoint installForThisJvm() {
    if (installed == null) {
      requireNoAccessKeys(System.getenv());
      for (String property : ACCESS_KEY_PROPERTIES) {
        if (System.getProperty(property) != null) {
          throw new IllegalStateException("system property " + property + " is set: functions must get "
              + "their credentials from the container endpoint, as SnapStart functions do");
        }
      }
      ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint();
      // A developer's ~/.aws files come before the container endpoint in the default chain.
      System.setProperty("aws.sharedCredentialsFile", "/nonexistent/coditect-local/credentials");
      System.setProperty("aws.configFile", "/nonexistent/coditect-local/config");
      System.setProperty("aws.containerCredentialsFullUri", endpoint.uri().toString());
      System.setProperty("aws.containerAuthorizationToken", endpoint.token);
      installed = endpoint;
    }
    return installed;
  }

  /** The endpoint installed in this JVM, if any. */
  static synchronized ContainerCredentialsEndpoint installedOrNull() {
    return installed;
  }

  /** Refuses an environment that holds access keys, naming the variables to unset. */
  static void requireNoAccessKeys(Map<String, String> environment) {
    List<String> present = ACCESS_KEY_VARIABLES.stream().filter(environment::containsKey).toList();
    if (!present.isEmpty()) {
      throw new IllegalStateException("unset " + String.join(", ", present) + ": functions get their "
          + "credentials from a container-credentials endpoint here, as SnapStart functions do on AWS "
          + "(make run and make test unset them for you)");
    }
  }

  /** The two variables Lambda sets for a SnapStart function, pointing at this endpoint. */
  public Map<String, String> lambdaEnvironment() {
    return Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", uri().toString(),
        "AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
  }

  /** Whether this endpoint handed out {@code accessKeyId}. */
  public boolean issued(String accessKeyId) {
    return issuedKeyIds.contains(accessKeyId);
  }

  /** Credentials served so far. */
  public int served() {
    return served.get();
  }

  /** Requests refused for a missing or wrong token. */
  public int refused() {
    return refused.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      if (!"GET".equals(exchange.getRequestMethod()) || !token.equals(authorization)) {
        refused.incrementAndGet();
        send(exchange, 401, "{\"message\":\"missing or wrong authorization token\"}");
        return;
      }
      // Fresh credentials per request, like the role session Lambda renews.
      String keyId = "ASIA" + randomKeyId();
      issuedKeyIds.add(keyId);
      served.incrementAndGet();
      Instant expiration = Instant.now().plus(LIFETIME).truncatedTo(ChronoUnit.SECONDS);
      send(exchange, 200, "{\"AccessKeyId\":\"" + keyId + "\",\"SecretAccessKey\":\"" + randomToken()
          + "\",\"Token\":\"" + randomToken() + "\",\"Expiration\":\"" + expiration + "\"}");
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String randomKeyId() {
    StringBuilder id = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      id.append(KEY_ID_ALPHABET[RANDOM.nextInt(KEY_ID_ALPHABET.length)]);
    }
    return id.toString();
  }

  private static String randomToken() {
    byte[] bytes = new byte[30];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
