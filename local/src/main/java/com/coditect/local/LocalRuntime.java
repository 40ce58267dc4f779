package com.coditect.local;

import com.coditect.shared.log.Log;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code make run}: moto and stripe-mock, the table/bucket/bus of template.yaml, every function of the template
 * behind a local gateway, the stream publisher and rule routing, schedules, and a demo tenant.
 * Ctrl-C stops everything it started.
 */
public final class LocalRuntime {

  private static final PrintStream OUT = System.out;
  private static final int STEPS = 5;

  private LocalRuntime() {}

  public static void main(String[] args) throws Exception {
    LocalSettings settings = LocalSettings.fromEnvironment();
    List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(started), "local-shutdown"));
    try {
      run(settings, started);
    } catch (PortInUse e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("make run failed: " + e.getMessage());
      System.exit(1);
    }
    new CountDownLatch(1).await();
  }

  private static void run(LocalSettings settings, List<AutoCloseable> started) throws Exception {
    step(1, "checking ports " + settings.gatewayPort() + " (gateway), " + settings.motoPort() + " (moto) and "
        + settings.stripeMockPort() + " (stripe-mock)");
    requireFree(settings.gatewayPort(), "PORT");
    requireFree(settings.motoPort(), "MOTO_PORT");
    if (settings.stripeMock() != null) {
      requireFree(settings.stripeMockPort(), "STRIPE_MOCK_PORT");
    }

    step(2, "starting moto on " + settings.motoEndpoint());
    long start = System.nanoTime();
    started.add(MotoProcess.start(settings.motoServer(), settings.motoPort(), Path.of("target", "local", "moto.log")));
    done(start);

    step(3, "starting stripe-mock (Stripe's API)");
    start = System.nanoTime();
    if (settings.stripeMock() == null) {
      OUT.println("      none: STRIPE_MOCK is not set (scripts/run.sh sets it)");
    } else {
      StripeMockProcess stripe = StripeMockProcess.start(settings.stripeMock(), settings.stripeMockPort(),
          Path.of("target", "local", "stripe-mock.log"));
      started.add(stripe);
      OUT.printf("      at %s%n", stripe.endpoint());
    }
    done(start);

    step(4, "creating what " + settings.template() + " declares; loading its functions; starting the gateway");
    start = System.nanoTime();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    LocalApi api = LocalApi.start(settings, settings.motoEndpoint(), Base64.getEncoder().encodeToString(key));
    started.add(api);
    OUT.printf("      %s at %s%n", api.summary(), api.baseUrl());
    done(start);

    step(5, "seeding the demo tenant");
    start = System.nanoTime();
    String baseUrl = api.baseUrl();
    DemoSeed.Demo demo = DemoSeed.seed(baseUrl, api.tokens());
    done(start);
    printWelcome(baseUrl, demo, api.stripeWebhookSecret());
  }

  private static void printWelcome(String baseUrl, DemoSeed.Demo demo, String stripeWebhookSecret) throws IOException {
    Path envFile = Path.of("target", "local", "demo.env");
    StringBuilder env = new StringBuilder("TENANT_ID=" + demo.tenantId() + "\n");
    OUT.println();
    OUT.println("CODITECT is running at " + baseUrl + "  (Ctrl-C stops it)");
    OUT.println("API reference (Swagger UI): " + baseUrl + DocsPage.PATH + "  (Authorize with a token below)");
    OUT.println("Demo tenant " + demo.tenantId() + ". Tokens (valid 12 h), ready to paste:");
    OUT.println();
    for (Map.Entry<String, String> token : demo.tokens().entrySet()) {
      String name = token.getKey().toUpperCase() + "_TOKEN";
      OUT.println("export " + name + "=" + token.getValue());
      env.append(name).append('=').append(token.getValue()).append('\n');
    }
    // The webhook signing secret of this run (stripe-mock sends no webhooks: scripts/stripe-webhook.py signs them).
    env.append("STRIPE_WEBHOOK_SECRET=").append(stripeWebhookSecret).append('\n');
    Files.createDirectories(envFile.getParent());
    Files.writeString(envFile, env.toString());
    OUT.println();
    OUT.println("Then create and read a project:");
    OUT.println();
    OUT.println("curl -s -X POST " + baseUrl + "/v1/projects -H \"Authorization: Bearer $MEMBER_TOKEN\" \\");
    OUT.println("  -H 'Content-Type: application/json' -d '{\"key\":\"DEMO\",\"name\":\"Demo project\"}'");
    OUT.println("curl -s " + baseUrl + "/v1/projects -H \"Authorization: Bearer $MEMBER_TOKEN\"");
    OUT.println();
    OUT.println("Send a signed Stripe test webhook (stripe-mock sends none; this run's signing secret is in "
        + envFile + "), then send it again to see the duplicate answered and ignored:");
    OUT.println();
    OUT.println("scripts/stripe-webhook.py payment_intent.succeeded pi_demo");
    OUT.println();
    OUT.println("Mint other tokens: curl -s -X POST " + baseUrl + "/local/token -d "
        + "'{\"tenant_id\":\"" + demo.tenantId() + "\",\"user_id\":\"<id>\",\"role\":\"auditor\"}'");
    OUT.println("The tokens are also in " + envFile + "; the OpenAPI document is at " + baseUrl + "/v1/openapi.json");
  }

  private static void requireFree(int port, String variable) throws PortInUse {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", port));
    } catch (IOException e) {
      throw new PortInUse("Port " + port + " on 127.0.0.1 is in use (another `make run`?). Stop it, or choose "
          + "another port: make run " + variable + "=" + (port + 1));
    }
  }

  private static void step(int number, String what) {
    OUT.printf("[%d/%d] %s%n", number, STEPS, what);
  }

  private static void done(long startNanos) {
    OUT.printf("  ... ok (%d ms)%n", (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static void stopAll(List<AutoCloseable> started) {
    // Ctrl-C reaches moto too, which may be gone before the event pump has stopped: the pump's
    // failed deliveries would print stack traces of a shutdown the user asked for.
    Log.redirect(new PrintStream(OutputStream.nullOutputStream()));
    List<AutoCloseable> reverse = new ArrayList<>(started);
    Collections.reverse(reverse);
    for (AutoCloseable closeable : reverse) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // shutting down: nothing left to tell
      }
    }
    OUT.println("stopped: gateway, functions and moto");
  }

  /** A port the runtime needs is taken. */
  private static final class PortInUse extends Exception {
    PortInUse(String message) {
      super(message);
    }
  }
}
