package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.config.AppConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Functions find their credentials as a SnapStart function does on AWS: from a container-credentials
 * endpoint that wants its token, never from access-key variables; and a client built with a fixed
 * provider fails every call of a test.
 */
class ContainerCredentialsIT {

  private final ContainerCredentialsEndpoint endpoint = ContainerCredentialsEndpoint.installForThisJvm();

  @Test
  void theFunctionsProviderResolvesSessionCredentialsFromTheEndpoint() {
    AppConfig config = new AppConfig(AwsTestEnvironment.REGION, "unused", "unused", "unused", "unused",
        Optional.of(MotoServer.endpoint()));
    AwsCredentials credentials = DaggerFilesComponent.factory().create(config, TestInterceptors.none()).credentials()
        .resolveCredentials();

    assertTrue(endpoint.issued(credentials.accessKeyId()), credentials.accessKeyId());
    assertNotNull(((AwsSessionCredentials) credentials).sessionToken(), "a role session's token");
  }

  @Test
  void theEndpointAnswersOnlyRequestsWithItsToken() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int refusedBefore = endpoint.refused();
    HttpResponse<String> without = http.send(HttpRequest.newBuilder(endpoint.uri()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(endpoint.uri()).header("Authorization", "guess")
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(401, without.statusCode());
    assertEquals(401, wrong.statusCode());
    assertEquals(refusedBefore + 2, endpoint.refused());
  }

  @Test
  void aClientWithAFixedProviderFailsItsFirstCall() {
    try (DynamoDbClient fixed = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(MotoServer.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFIXED", "secret")))
        .build()) {
      AssertionError error = assertThrows(AssertionError.class, fixed::listTables);
      assertTrue(error.getMessage().contains("AKIDFIXED"), error.getMessage());
    }
  }

  @Test
  void aClientOfTheDefaultChainPasses() {
    try (DynamoDbClient client = DynamoDbClient.builder().region(Region.US_EAST_1)
        .endpointOverride(MotoServer.endpoint()).build()) {
      assertNotNull(client.listTables().tableNames());
    }
  }

  @Test
  void anEnvironmentWithAccessKeysIsRefusedNamingThem() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> ContainerCredentialsEndpoint.requireNoAccessKeys(Map.of("AWS_ACCESS_KEY_ID", "AKID",
            "AWS_SECRET_ACCESS_KEY", "s", "PATH", "/bin")));
    assertTrue(error.getMessage().startsWith("unset AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY:"), error.getMessage());
    ContainerCredentialsEndpoint.requireNoAccessKeys(Map.of("PATH", "/bin"));
  }
}
