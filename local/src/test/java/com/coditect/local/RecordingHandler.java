package com.coditect.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A rule target for tests: records the events it gets and can be told to fail a few times first. */
public final class RecordingHandler implements RequestHandler<Map<String, Object>, String> {

  static final List<Map<String, Object>> RECEIVED = new CopyOnWriteArrayList<>();
  static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    if (FAILURES_LEFT.getAndDecrement() > 0) {
      throw new IllegalStateException("consumer down");
    }
    RECEIVED.add(event);
    return "ok";
  }
}
