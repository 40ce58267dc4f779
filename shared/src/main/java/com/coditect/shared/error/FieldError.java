package com.coditect.shared.error;

/** One problem with one request field, as listed in a problem+json `errors` array. */
public record FieldError(String field, String message) {}
