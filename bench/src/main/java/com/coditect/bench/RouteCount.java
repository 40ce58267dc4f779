package com.coditect.bench;

import java.util.List;

/**
 * The DynamoDB calls one request of a route made, against the targets: a read (GET) makes at most
 * one call, a write at most two. The OpenAPI route is a read that makes none. Also the write units
 * its writes cost ({@link com.coditect.testing.WriteUnitMeter}; 0 for a request that wrote nothing).
 */
record RouteCount(String routeKey, List<String> operations, long writeUnits) {

  static final int READ_TARGET = 1;
  static final int WRITE_TARGET = 2;

  boolean isRead() {
    return routeKey.startsWith("GET ");
  }

  int calls() {
    return operations.size();
  }

  int target() {
    return isRead() ? READ_TARGET : WRITE_TARGET;
  }

  boolean meetsTarget() {
    return calls() <= target();
  }
}
