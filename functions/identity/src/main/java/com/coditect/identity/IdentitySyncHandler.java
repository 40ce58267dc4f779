package com.coditect.identity;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.CognitoConfig;
import com.coditect.shared.events.BusEvent;
import java.util.Map;

/**
 * Target of the template's rule for user events: hands each to {@link CognitoUserSync}. A failure
 * throws, so EventBridge retries the event and finally parks it in the rule's DLQ.
 */
public final class IdentitySyncHandler implements RequestHandler<Map<String, Object>, Void> {


  private final CognitoUserSync sync;

  public IdentitySyncHandler() {
    this(DaggerIdentityComponent.factory().create(AppConfig.fromEnvironment(), CognitoConfig.fromEnvironment()));
  }

  IdentitySyncHandler(IdentityComponent component) {
    this.sync = component.sync();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, event -> sync.apply(event.detailType(), event.detail()));
    return null;
  }
}
