package com.coditect.contacts.api;

/** {@code POST .../verify} -> 202: which channel the code went by and until when it is valid. */
public record VerificationSentResponse(String id, String channel, String expiresAt) {}
