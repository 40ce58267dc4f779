package com.coditect.shared.store;

import com.coditect.shared.error.BadRequestException;
import java.util.Optional;

/** {@code ?limit=} (default 50, 1..100 unless a list says otherwise) and the opaque {@code ?cursor=} of a list request. */
public record PageRequest(int limit, Optional<String> cursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  public static PageRequest of(Optional<String> limit, Optional<String> cursor) {
    return of(limit, cursor, DEFAULT_LIMIT, MAX_LIMIT);
  }

  /** A page of a list with its own bounds (a board's tasks, a chain verified page by page). */
  public static PageRequest of(Optional<String> limit, Optional<String> cursor, int defaultLimit, int maxLimit) {
    int value = defaultLimit;
    if (limit.isPresent()) {
      try {
        value = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        value = 0;
      }
      if (value < 1 || value > maxLimit) {
        throw BadRequestException.forField("limit", "must be a whole number from 1 to " + maxLimit);
      }
    }
    return new PageRequest(value, cursor.filter(c -> !c.isBlank()));
  }
}
