package com.coditect.shared.log;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.http.HttpDispatcher;
import com.coditect.shared.http.Router;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whatever a request or an event throws, the next line logged on the thread has none of its context. */
class LogContextTest {

  private static final Log LOG = Log.forClass(LogContextTest.class);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    Log.clearContext();
    Log.redirect(System.out);
  }

  private String lastLine() {
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void aRequestThatThrowsPastTheDispatcherLeavesNoContext() {
    HttpDispatcher dispatcher = new HttpDispatcher(Router.builder()
        .publicRoute("GET /v1/broken", request -> {
          throw new AssertionError("not a RuntimeException: escapes the dispatcher's error mapping");
        })
        .build());
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setRequestId("req-broken");
    event.setRequestContext(context);
    event.setRouteKey("GET /v1/broken");

    assertThrows(AssertionError.class, () -> dispatcher.dispatch(event));
    LOG.info("next");
    assertFalse(lastLine().contains("req-broken"), lastLine());
  }

  @Test
  void anEventThatFailsLeavesNoContext() {
    Map<String, Object> envelope = Map.of("source", "coditect.test", "detail-type", "thing.happened",
        "detail", Map.of("event_id", "evt-1", "tenant_id", "tenant-1"));
    assertThrows(IllegalStateException.class, () -> BusEvent.consume(envelope, event -> {
      LOG.info("inside");
      throw new IllegalStateException("consumer failed");
    }));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"request_id\":\"evt-1\""));
    LOG.info("next");
    assertFalse(lastLine().contains("evt-1"), lastLine());
    assertFalse(lastLine().contains("tenant-1"), lastLine());
  }
}
