package com.coditect.testing;

import dagger.Lazy;

/** A {@link Lazy} that counts how often it was asked for its value, for tests of what is built when. */
public final class CountingLazy<T> implements Lazy<T> {

  private final T value;
  private int gets;

  public CountingLazy(T value) {
    this.value = value;
  }

  @Override
  public synchronized T get() {
    gets++;
    return value;
  }

  public synchronized int gets() {
    return gets;
  }
}
