package com.coditect.testing;

import java.util.concurrent.CountDownLatch;
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
}
