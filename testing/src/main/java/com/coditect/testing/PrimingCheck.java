package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * What SnapStart priming may do with a function's production wiring: build objects, and nothing
 * else. No AWS call (so nothing written), and no credentials fetched, which every signed call of
 * any service would need; the first request after priming does fetch them.
 */
public final class PrimingCheck {

  private PrimingCheck() {}

  /**
   * Runs {@code prime} (the handler's {@code beforeCheckpoint}), then {@code firstRequest}, and
   * asserts that only the request called AWS. {@code calls} counts the function's DynamoDB calls.
   */
  public static void primesWithoutCalling(DynamoDbCallCounter calls, Runnable prime, Runnable firstRequest) {
    ContainerCredentialsEndpoint credentials = ContainerCredentialsEndpoint.installForThisJvm();
    calls.reset();
    int fetched = credentials.served();

    prime.run();

    assertEquals(List.of(), calls.operations(), "no DynamoDB call");
    assertEquals(fetched, credentials.served(), "no credentials fetched: no call of any kind was signed");

    firstRequest.run();
    assertTrue(credentials.served() > fetched, "the first request after priming fetches them");
  }
}
