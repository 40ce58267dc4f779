package com.coditect.workflows.api;

/** What a webhook call that was accepted answers (202): the execution it asked for. */
public record WebhookAcceptedResponse(String executionId) {}
