package com.coditect.shared.store;

import javax.inject.Inject;
import javax.inject.Singleton;

/** Starts write transactions on the single table. */
@Singleton
public final class Transactions {

  private final SingleTable table;

  @Inject
  public Transactions(SingleTable table) {
    this.table = table;
  }

  public WriteTransaction begin() {
    return new WriteTransaction(table);
  }
}
