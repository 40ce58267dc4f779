package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Assertions on list pages and problems that the functions' route tests share. */
public final class ListAsserts {

  private ListAsserts() {}

  /** The ids of a list response, which must be a 200. */
  public static List<String> ids(HandlerResponse list) {
    assertEquals(200, list.status(), list.raw());
    List<String> ids = new ArrayList<>();
    list.json().path("items").forEach(item -> ids.add(item.path("id").asText()));
    return ids;
  }

  /**
   * Follows a list's next_cursor with limit=2 to the end, {@code list} sending one page request
   * with the given query pairs; every page must be one Query. Returns the ids seen, in order.
   */
  public static List<String> pageThrough(Function<String[], HandlerResponse> list, String... filter) {
    List<String> seen = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 10; pages++) {
      List<String> query = new ArrayList<>(List.of(filter));
      query.addAll(List.of("limit", "2"));
      if (cursor != null) {
        query.addAll(List.of("cursor", cursor));
      }
      HandlerResponse page = list.apply(query.toArray(String[]::new));
      assertEquals(List.of("Query"), page.dynamoCalls());
      assertTrue(page.json().path("items").size() <= 2, page.raw());
      seen.addAll(ids(page));
      cursor = page.json().path("next_cursor").isNull() ? null : page.text("next_cursor");
      if (cursor == null) {
        return seen;
      }
    }
    throw new AssertionError("paging did not end: " + seen);
  }

  /** The fields a 400 names. */
  public static List<String> bad(HandlerResponse response) {
    assertEquals(400, response.status(), response.raw());
    return response.errorFields();
  }

  /** The fields a 422 names. */
  public static List<String> unprocessable(HandlerResponse response) {
    assertEquals(422, response.status(), response.raw());
    return response.errorFields();
  }
}
