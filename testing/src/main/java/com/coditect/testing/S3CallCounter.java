package com.coditect.testing;

import java.util.List;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * Counts the S3 calls made through the clients it is registered on, by operation name
 * ({@code HeadObject}, {@code DeleteObject}...), so tests can pin a route's S3 calls apart from its
 * DynamoDB calls. A call counts once however often the SDK retries it.
 */
public final class S3CallCounter implements ExecutionInterceptor {

  private final OperationLog operations = new OperationLog();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    if (context.request() instanceof S3Request) {
      operations.add(executionAttributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  /** Forgets the calls so far, e.g. those made while arranging a test. */
  public void reset() {
    operations.clear();
  }

  /** Calls of one operation, named as in the S3 API. */
  public int count(String operation) {
    return operations.count(operation);
  }

  /** The operations in call order. */
  public List<String> operations() {
    return operations.operations();
  }

  @Override
  public String toString() {
    return "S3CallCounter" + operations();
  }
}
