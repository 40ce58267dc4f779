package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The pinned pair: the stripe-mock scripts/tools.sh builds serves exactly the API version of the
 * stripe-java the root pom pins. stripe-mock runs with {@code -strict-version-check}, so a request
 * of stripe-java in another version would be refused, and the refusal names the version it serves.
 */
class StripeMockPairingIT {

  private static final String TEST_KEY = "sk_test_coditect";

  @Test
  void stripeJavaTalksToStripeMockUnderTheStrictVersionCheck() throws StripeException {
    StripeClient stripe = StripeClient.builder().setApiKey(TEST_KEY)
        .setApiBase(StripeMock.endpoint().toString()).setMaxNetworkRetries(0).build();
    PaymentIntent intent = stripe.v1().paymentIntents().create(
        PaymentIntentCreateParams.builder().setAmount(1999L).setCurrency("usd").build(),
        RequestOptions.builder().setIdempotencyKey("pairing-check").build());
    assertTrue(intent.getId().startsWith("pi_"), intent.getId());
    assertEquals("payment_intent", intent.getObject());
  }

  @Test
  void stripeMockServesTheApiVersionOfThePinnedStripeJava() throws Exception {
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(StripeMock.endpoint() + "/v1/products"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (TEST_KEY + ":").getBytes(StandardCharsets.UTF_8)))
        .header("Stripe-Version", "2020-08-27")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode error = Json.readTree(refused.body()).path("error");
    assertTrue(error.path("message").asText().contains("version in OpenAPI specification '" + Stripe.API_VERSION + "'"),
        "stripe-mock serves another API version than stripe-java " + Stripe.VERSION + " (" + Stripe.API_VERSION + "): "
            + error.path("message").asText());
  }
}
