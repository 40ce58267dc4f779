package com.coditect.shared.domain;

import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/**
 * How a kind of item is stored and shown: its table view, its API view, its id and its event
 * resource type (the {@code resource_type} of its events, e.g. {@code user}).
 */
public record Resource<I, R>(DynamoDbTable<I> table, Function<I, R> view, Function<I, String> id, String type) {}
