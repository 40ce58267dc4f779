package com.coditect.shared.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.BadRequestException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiRequestTest {

  private static ApiRequest request(Map<String, String> headers, String body) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setHeaders(headers);
    event.setBody(body);
    return new ApiRequest(event);
  }

  private static Optional<Long> ifMatch(String value) {
    return request(Map.of("if-match", value), null).ifMatchVersion();
  }

  @Test
  void ifMatchAcceptsTheEtagForms() {
    assertEquals(Optional.of(3L), ifMatch("\"3\""));
    assertEquals(Optional.of(3L), ifMatch("W/\"3\""));
    assertEquals(Optional.of(3L), ifMatch(" 3 "));
    assertEquals(Optional.empty(), ifMatch("*"), "* matches any current version");
    assertEquals(Optional.empty(), request(Map.of(), null).ifMatchVersion());
  }

  @Test
  void aWellFormedEntityTagThatNamesNoVersionMatchesNone() {
    // RFC 9110: an If-Match that matches no current representation is 412, not a bad request.
    for (String foreign : new String[] {"\"stale-etag\"", "\"-1\"", "W/\"one\"", "\"\"", "\"a,b\"",
        "\"x\", W/\"y\"", "\"99999999999999999999\""}) {
      assertEquals(Optional.of(ApiRequest.NO_VERSION), ifMatch(foreign), foreign);
    }
    assertEquals(Optional.of(3L), ifMatch("\"stale\", \"3\""), "a list matches if one of its tags does");
  }

  @Test
  void ifMatchRefusesAnythingElseNamingTheHeader() {
    for (String bad : new String[] {"\"3", "banana", "W/3", "\"3\", \"4\"", "99999999999999999999", "\"3\",",
        "\"a\"b\"", ", \"3\""}) {
      BadRequestException e = assertThrows(BadRequestException.class, () -> ifMatch(bad), bad);
      assertEquals("If-Match", e.errors().get(0).field());
    }
  }

  @Test
  void deeplyNestedJsonIsA400NotA500() {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    BadRequestException e = assertThrows(BadRequestException.class, () -> request(Map.of(), deep).jsonBody());
    assertEquals("body", e.errors().get(0).field());
  }

  @Test
  void malformedJsonNamesWhereItBroke() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> request(Map.of(), "{\"a\":\n  oops}").jsonBody());
    assertEquals(true, e.errors().get(0).message().startsWith("is not valid JSON (line 2, column "),
        e.errors().get(0).message());
  }

  enum Colour implements Choice { DARK_RED, BLUE }

  private static ApiRequest query(Map<String, String> parameters) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setQueryStringParameters(parameters);
    return new ApiRequest(event);
  }

  @Test
  void aChoiceQueryParameterParsesIntoItsEnumOrNamesTheParameter() {
    assertEquals(Optional.of(Colour.DARK_RED),
        query(Map.of("colour", "dark_red")).choiceQueryParameter("colour", Colour.class));
    assertEquals(Optional.empty(), query(Map.of()).choiceQueryParameter("colour", Colour.class));
    BadRequestException wrong = assertThrows(BadRequestException.class,
        () -> query(Map.of("colour", "DARK_RED")).choiceQueryParameter("colour", Colour.class));
    assertEquals("colour", wrong.errors().get(0).field());
    assertEquals("must be one of: dark_red, blue", wrong.errors().get(0).message());
  }
}
