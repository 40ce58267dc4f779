package com.coditect.testing;

import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Counts the DynamoDB API calls made through the clients it is registered on, by operation name,
 * so tests can pin each route's fixed call count. A call counts once however often it is retried.
 */
public final class DynamoDbCallCounter implements ExecutionInterceptor {

  private final OperationLog operations = new OperationLog();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    // A function's interceptors go on all its clients (S3 too); only DynamoDB's calls count here.
    if (!(context.request() instanceof DynamoDbRequest)) {
      return;
    }
    String operation = executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    operations.add(operation);
  }

  /** Forgets the calls so far, e.g. those made while arranging a test. */
  public void reset() {
    operations.clear();
  }

  public int total() {
    return operations.total();
  }

  /** Calls of one operation, named as in the API ({@code GetItem}, {@code TransactWriteItems}). */
  public int count(String operation) {
    return operations.count(operation);
  }

  /** The operations in call order. */
  public List<String> operations() {
    return operations.operations();
  }

  @Override
  public String toString() {
    return "DynamoDbCallCounter" + operations();
  }
}
