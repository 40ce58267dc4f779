package com.coditect.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations a call counter has seen, in call order, safe to add to from the threads a test's
 * requests run on. The DynamoDB and S3 counters differ only in where they hear of a call.
 */
final class OperationLog {

  private final List<String> operations = new ArrayList<>();

  synchronized void add(String operation) {
    operations.add(operation);
  }

  synchronized void clear() {
    operations.clear();
  }

  synchronized int total() {
    return operations.size();
  }

  synchronized int count(String operation) {
    return (int) operations.stream().filter(operation::equals).count();
  }

  synchronized List<String> operations() {
    return List.copyOf(operations);
  }
}
