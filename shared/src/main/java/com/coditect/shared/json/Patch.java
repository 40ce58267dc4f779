package com.coditect.shared.json;

import java.util.function.Function;

/**
 * One field of a PATCH body: absent (leave as is) or present with a value, which may be null for
 * nullable fields (clear it). {@code Optional} cannot say "present and null", hence this type.
 */
public final class Patch<T> {

  private static final Patch<?> ABSENT = new Patch<>(false, null);

  private final boolean present;
  private final T value;

  private Patch(boolean present, T value) {
    this.present = present;
    this.value = value;
  }

  @SuppressWarnings("unchecked")
  public static <T> Patch<T> absent() {
    return (Patch<T>) ABSENT;
  }

  public static <T> Patch<T> of(T value) {
    return new Patch<>(true, value);
  }

  public boolean isPresent() {
    return present;
  }

  /** The new value; only meaningful when {@link #isPresent()}. */
  public T value() {
    return value;
  }

  /** The patched value: the new one when present, else the current one. */
  public T orElse(T current) {
    return present ? value : current;
  }

  public <R> Patch<R> map(Function<T, R> mapper) {
    return present ? Patch.of(value == null ? null : mapper.apply(value)) : absent();
  }
}
