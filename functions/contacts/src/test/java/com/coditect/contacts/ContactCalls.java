package com.coditect.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.testing.HandlerResponse;
import com.coditect.testing.HttpEvents;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The calls of one contact resource ({@code /v1/phone-numbers} and its id parameter), for the route tests. */
final class ContactCalls {

  private final ContactsApi api;
  private final String path;
  private final String idParameter;

  ContactCalls(ContactsApi api, String path, String idParameter) {
    this.api = api;
    this.path = path;
    this.idParameter = idParameter;
  }

  HandlerResponse create(Map<String, String> claims, String body) {
    return api.call(withClaims(HttpEvents.route("POST " + path).body(body), claims).build());
  }

  HandlerResponse list(Map<String, String> claims, String... query) {
    var event = withClaims(HttpEvents.route("GET " + path), claims);
    for (int i = 0; i < query.length; i += 2) {
      event.query(query[i], query[i + 1]);
    }
    return api.call(event.build());
  }

  HandlerResponse get(Map<String, String> claims, String id) {
    return api.call(withClaims(HttpEvents.route("GET " + one()).pathParam(idParameter, id), claims).build());
  }

  HandlerResponse patch(Map<String, String> claims, String id, String ifMatch, String body) {
    var event = withClaims(HttpEvents.route("PATCH " + one()).pathParam(idParameter, id).body(body), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  HandlerResponse delete(Map<String, String> claims, String id, String ifMatch) {
    var event = withClaims(HttpEvents.route("DELETE " + one()).pathParam(idParameter, id), claims);
    if (ifMatch != null) {
      event.header("If-Match", ifMatch);
    }
    return api.call(event.build());
  }

  HandlerResponse verify(Map<String, String> claims, String id) {
    return api.call(withClaims(HttpEvents.route("POST " + one() + "/verify").pathParam(idParameter, id), claims).build());
  }

  HandlerResponse confirm(Map<String, String> claims, String id, String body) {
    return api.call(withClaims(HttpEvents.route("POST " + one() + "/confirm").pathParam(idParameter, id).body(body),
        claims).build());
  }

  String one() {
    return path + "/{" + idParameter + "}";
  }

  static List<String> ids(HandlerResponse response) {
    response.assertStatus(200);
    return StreamSupport.stream(response.json().path("items").spliterator(), false).map(item -> item.path("id").asText())
        .toList();
  }

  static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  private static HttpEvents.Builder withClaims(HttpEvents.Builder event, Map<String, String> claims) {
    return claims == null ? event : event.claims(claims);
  }
}
