package com.coditect.local;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks an end-to-end test that makes a change through the gateway and asserts the reaction the
 * named rules of template.yaml deliver (rules by the logical id SAM gives them, {@code
 * <function><event>}). {@link RuleDeliveryCheck} fails the test unless each named rule delivered
 * during it, and {@link RuleCoverageTest} fails while a rule of the template has no such test.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RuleDeliveryCheck.class)
@interface ExercisesRules {

  /** The rules' logical ids, e.g. {@code PmEventsFunctionSprintCancelled}. */
  String[] value();
}
