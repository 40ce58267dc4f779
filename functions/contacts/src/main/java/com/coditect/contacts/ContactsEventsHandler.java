package com.coditect.contacts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.coditect.contacts.domain.OwnerCleanup;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.events.BusEvent;
import com.coditect.shared.log.Log;
import com.coditect.shared.tenancy.TenantId;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Contacts' reactions to events, delivered by the rules of template.yaml: a deleted user's
 * addresses, phone numbers and e-mail addresses are removed (the user's item decides; the event
 * only names the user). A failure throws, so EventBridge retries and finally keeps the event in
 * the function's DLQ.
 */
public final class ContactsEventsHandler implements RequestHandler<Map<String, Object>, Void> {

  private static final Log LOG = Log.forClass(ContactsEventsHandler.class);

  private final OwnerCleanup cleanup;

  public ContactsEventsHandler() {
    this(DaggerContactsComponent.factory().create(AppConfig.fromEnvironment(), ContactsConfig.fromEnvironment()));
  }

  ContactsEventsHandler(ContactsComponent component) {
    this.cleanup = component.ownerCleanup();
  }

  @Override
  public Void handleRequest(Map<String, Object> envelope, Context context) {
    BusEvent.consume(envelope, event -> {
      if ("user.deleted".equals(event.detailType())) {
        JsonNode detail = event.detail();
        int removed = cleanup.removeContactsOfUser(new TenantId(detail.path("tenant_id").asText()),
            detail.path("resource_id").asText());
        LOG.info("contacts of a deleted user removed", "removed", removed);
      }
    });
    return null;
  }
}
