package com.coditect.shared.events;

/** The EventBridge {@code source} of a function's events, {@code coditect.<domain>}. */
public record EventSource(String value) {

  public static EventSource domain(String domain) {
    return new EventSource("coditect." + domain);
  }
}
