package com.coditect.shared.store;

import java.util.List;
import java.util.function.Function;

/** One page of a list: serialised as {@code {"items": [...], "next_cursor": ... | null}}. */
public record ResultPage<T>(List<T> items, String nextCursor) {

  public <R> ResultPage<R> map(Function<T, R> mapper) {
    return new ResultPage<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
