package com.coditect.testing;

import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The interceptors a test or the bench adds to every SDK client of a function it wires as in
 * production: call counters, the write-unit meter, a gate that holds a write back. A test component
 * takes them as one bound instance and {@link TestInterceptorsModule} puts them into the clients'
 * interceptor set, which production leaves empty. Each counter counts only its own service's calls.
 */
public final class TestInterceptors {

  private final List<ExecutionInterceptor> interceptors;

  private TestInterceptors(List<ExecutionInterceptor> interceptors) {
    this.interceptors = interceptors;
  }

  public static TestInterceptors of(ExecutionInterceptor... interceptors) {
    return new TestInterceptors(List.of(interceptors));
  }

  /** Production's clients exactly: nothing added. */
  public static TestInterceptors none() {
    return of();
  }

  public List<ExecutionInterceptor> list() {
    return interceptors;
  }
}
