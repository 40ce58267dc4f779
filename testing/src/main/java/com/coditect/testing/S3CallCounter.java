package com.coditect.testing;

import java.util.List;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Counts the S3 object requests sent through it by operation name ({@code HeadObject},
 * {@code DeleteObject}...), so tests can pin a route's S3 calls apart from its DynamoDB calls. It
 * wraps the HTTP client a function's S3 requests go through ({@code S3Objects.HTTP_CLIENT}); a
 * retried request would count once per attempt, which moto never asks for.
 */
public final class S3CallCounter implements SdkHttpClient {

  private final SdkHttpClient http;
  private final OperationLog operations = new OperationLog();

  public S3CallCounter(SdkHttpClient http) {
    this.http = http;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    String operation = switch (request.httpRequest().method()) {
      case HEAD -> "HeadObject";
      case GET -> "GetObject";
      case PUT -> "PutObject";
      case DELETE -> "DeleteObject";
      default -> request.httpRequest().method().name();
    };
    operations.add(operation);
    return http.prepareRequest(request);
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
  public String clientName() {
    return http.clientName();
  }

  /** Leaves the wrapped client open: it is the function's, shared with its DynamoDB client. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "S3CallCounter" + operations();
  }
}
