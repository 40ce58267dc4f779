package com.coditect.local;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * What {@code make run} passes in (scripts/run.sh sets it): ports, the moto and stripe-mock binaries
 * (no stripe-mock: none is started), the names the functions are configured with, where the
 * functions find Stripe's API. The only place
 * the local runtime reads its environment.
 */
record LocalSettings(int gatewayPort, int motoPort, Path motoServer, int stripeMockPort, @Nullable Path stripeMock,
    Path template, String tableName, String busName, String bucketName, String region, URI stripeApiBase) {

  static LocalSettings fromEnvironment() {
    Map<String, String> env = System.getenv();
    return new LocalSettings(
        Integer.parseInt(env.getOrDefault("PORT", "3000")),
        Integer.parseInt(env.getOrDefault("MOTO_PORT", "5005")),
        Path.of(env.getOrDefault("MOTO_SERVER", "moto_server")),
        Integer.parseInt(env.getOrDefault("STRIPE_MOCK_PORT", "12111")),
        env.containsKey("STRIPE_MOCK") ? Path.of(env.get("STRIPE_MOCK")) : null,
        Path.of(env.getOrDefault("TEMPLATE", "template.yaml")),
        env.getOrDefault("TABLE_NAME", "coditect"),
        env.getOrDefault("EVENT_BUS_NAME", "coditect"),
        env.getOrDefault("BUCKET_NAME", "coditect-local-documents"),
        env.getOrDefault("AWS_REGION", "us-east-1"),
        // The stripe-mock this runtime starts, unless STRIPE_API_BASE names another.
        URI.create(env.getOrDefault("STRIPE_API_BASE",
            "http://127.0.0.1:" + env.getOrDefault("STRIPE_MOCK_PORT", "12111"))));
  }

  URI motoEndpoint() {
    return URI.create("http://127.0.0.1:" + motoPort);
  }
}
