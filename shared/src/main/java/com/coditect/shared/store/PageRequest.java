package com.coditect.shared.store;

import com.coditect.shared.error.BadRequestException;
import java.util.Optional;

/** {@code ?limit=} (default 50, 1..100) and the opaque {@code ?cursor=} of a list request. */
public record PageRequest(int limit, Optional<String> cursor) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  public static PageRequest of(Optional<String> limit, Optional<String> cursor) {
    int value = DEFAULT_LIMIT;
    if (limit.isPresent()) {
      try {
        value = Integer.parseInt(limit.get());
      } catch (NumberFormatException e) {
        throw BadRequestException.forField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
      }
      if (value < 1 || value > MAX_LIMIT) {
        throw BadRequestException.forField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
      }
    }
    return new PageRequest(value, cursor.filter(c -> !c.isBlank()));
  }
}
