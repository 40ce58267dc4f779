package com.coditect.bench.fresh;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.coditect.contacts.ContactsHandler;

/**
 * A cold start of the contacts function: its public constructor (as Lambda calls it), then one
 * {@code GET /v1/phone-numbers} (one Query: the caller's own phones) by the user whose claims are
 * given as {@code -Dbench.claim.<name>}.
 */
public final class ContactsColdStart {

  private ContactsColdStart() {}

  public static void main(String[] args) {
    FirstResponse timing = FirstResponse.start();
    APIGatewayV2HTTPEvent event = ColdStartRequest.get("GET /v1/phone-numbers", "/v1/phone-numbers", null,
        ColdStartRequest.claims());

    ContactsHandler handler = new ContactsHandler();
    timing.ready();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
    if (response.getStatusCode() != 200) {
      FirstResponse.fail(response.getStatusCode() + " " + response.getBody());
    }
    timing.responded();
    System.exit(0);
  }
}
