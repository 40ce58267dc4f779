package com.coditect.shared.files;

/** S3 refused an object request: its HTTP status and, when it sent one, its error code. */
public final class S3RequestException extends RuntimeException {

  private final int statusCode;
  private final String errorCode;

  S3RequestException(String request, int statusCode, String errorCode) {
    super("S3 answered " + statusCode + (errorCode.isEmpty() ? "" : " " + errorCode) + " to " + request);
    this.statusCode = statusCode;
    this.errorCode = errorCode;
  }

  public int statusCode() {
    return statusCode;
  }

  /** S3's error code ({@code NoSuchBucket}, {@code AccessDenied}...); empty when the answer had no body (HEAD). */
  public String errorCode() {
    return errorCode;
  }
}
