package com.coditect.shared.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How an item class is generated (Immutables): the source declares {@code AbstractTaskItem}, a
 * package-private abstract class of accessors, and the build generates the public, final
 * {@code TaskItem} with its builder and {@code with*} copies. Plain JDK collections only.
 */
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    jdkOnly = true,
    // An item is read once and written once; hashing it up front would only cost start-up time.
    defaults = @Value.Immutable(prehash = false))
public @interface ItemStyle {}
