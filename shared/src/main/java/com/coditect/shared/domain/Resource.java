package com.coditect.shared.domain;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.StoredItem;
import java.util.function.Function;

/**
 * How a kind of item is stored and shown: the repository that writes it, its API view, its id and
 * its event resource type (the {@code resource_type} of its events, e.g. {@code user}).
 */
public record Resource<I extends StoredItem<I>, R>(ItemRepository<I> repository, Function<I, R> view,
    Function<I, String> id, String type) {}
