package com.coditect.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * While armed: holds every {@code TransactWriteItems} until the armed number of reads (GetItem or
 * BatchGetItem) have completed, then lets the writes reach moto one at a time (moto 5.x undoes a cancelled
 * transaction by restoring a snapshot of the whole table, so two transactions overlapping inside
 * moto can erase the winner's write: a flaw of the emulator, not of DynamoDB). A hook set with
 * {@link #beforeNextWrite} runs just before the next write leaves: a concurrent writer's change
 * landing between a request's read and its write.
 */
public final class WriteGate implements ExecutionInterceptor {

  private static final ExecutionAttribute<Boolean> HOLDS_WRITE = new ExecutionAttribute<>("holds-write-gate");

  private final Semaphore writes = new Semaphore(1);
  private volatile CountDownLatch reads;
  private volatile boolean overlapped;
  private volatile Runnable beforeNextWrite;

  public void arm(int racers) {
    overlapped = false;
    reads = new CountDownLatch(racers);
  }

  public void disarm() {
    reads = null;
  }

  public boolean allReadBeforeAnyWrite() {
    return overlapped;
  }

  public void beforeNextWrite(Runnable hook) {
    beforeNextWrite = hook;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!"TransactWriteItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      return;
    }
    Runnable hook = beforeNextWrite;
    if (hook != null) {
      beforeNextWrite = null;
      hook.run();
    }
    CountDownLatch armed = reads;
    if (armed == null) {
      return;
    }
    try {
      overlapped = armed.await(10, TimeUnit.SECONDS);
      writes.acquire();
      attributes.putAttribute(HOLDS_WRITE, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    CountDownLatch armed = reads;
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    // A request's one read before its write: a GetItem, or a task write's BatchGetItem.
    if (armed != null && ("GetItem".equals(operation) || "BatchGetItem".equals(operation))) {
      armed.countDown();
    }
    release(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    release(attributes);
  }

  private void release(ExecutionAttributes attributes) {
    if (Boolean.TRUE.equals(attributes.getAttribute(HOLDS_WRITE))) {
      attributes.putAttribute(HOLDS_WRITE, false);
      writes.release();
    }
  }

  /** A handler of HTTP API events built over a test's interceptors (a gate among them). */
  public interface HandlerOver {
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> with(TestInterceptors interceptors);
  }

  /**
   * Sends {@code events} at once, each from a thread of its own, through a handler {@code handler}
   * builds over a fresh gate armed for {@code reads} reads (each racer's read before its write):
   * every racer has read before any writes, and the writes reach moto one at a time. Each response
   * must fit the OpenAPI document; they come back in the order of {@code events}.
   */
  public static List<APIGatewayV2HTTPResponse> race(HandlerOver handler, List<APIGatewayV2HTTPEvent> events, int reads)
      throws Exception {
    WriteGate gate = new WriteGate();
    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> racing = handler.with(TestInterceptors.of(gate));
    OpenApiContract contract = OpenApiContract.load();
    ExecutorService pool = Executors.newFixedThreadPool(events.size());
    try {
      gate.arm(reads);
      List<Future<APIGatewayV2HTTPResponse>> racers = new ArrayList<>();
      for (APIGatewayV2HTTPEvent event : events) {
        racers.add(pool.submit(() -> racing.handleRequest(event, null)));
      }
      List<APIGatewayV2HTTPResponse> responses = new ArrayList<>();
      for (int i = 0; i < racers.size(); i++) {
        APIGatewayV2HTTPResponse response = racers.get(i).get(60, TimeUnit.SECONDS);
        contract.assertResponse(events.get(i).getRouteKey(), response);
        responses.add(response);
      }
      if (!gate.allReadBeforeAnyWrite()) {
        throw new AssertionError("the racers did not overlap: a write left before every racer had read");
      }
      return responses;
    } finally {
      gate.disarm();
      pool.shutdownNow();
    }
  }
}
