package com.coditect.shared.store;

/** A resource's API view with the version its ETag carries. */
public record Versioned<T>(T value, long version) {}
