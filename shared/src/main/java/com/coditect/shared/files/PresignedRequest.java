package com.coditect.shared.files;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A presigned request a client sends itself: where to, the headers it was signed with (which it
 * must send exactly; Host is left to its HTTP library), and when the signature stops working.
 */
public record PresignedRequest(URI url, Map<String, String> headers, Instant expiresAt) {

  public PresignedRequest {
    // In the order given, so a client receives them listed the same way every time.
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
