package com.coditect.dms.api;

/** A short-lived download URL handed out by a share link, and when it stops working. */
public record ShareAccessResponse(String url, String expiresAt) {}
