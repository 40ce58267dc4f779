package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds an {@link ExercisesRules} test to its word: each rule it names must have delivered at
 * least one event to its function, through the local runtime's dispatch of the template's rules,
 * between the test's start and end. A test that asserts a reaction some other path produced (a
 * handler called directly, another rule) fails here.
 */
final class RuleDeliveryCheck implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RuleDeliveryCheck.class);

  @Override
  public void beforeEach(ExtensionContext context) {
    LocalApiHarness harness = harness();
    Map<String, Integer> before = new HashMap<>();
    for (String rule : rules(context)) {
      before.put(rule, harness.deliveries(rule));
    }
    context.getStore(NAMESPACE).put("before", before);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      return; // the test's own failure says more
    }
    Map<String, Integer> before = context.getStore(NAMESPACE).get("before", Map.class);
    LocalApiHarness harness = harness();
    for (String rule : rules(context)) {
      int delivered = harness.deliveries(rule) - before.get(rule);
      assertTrue(delivered > 0, context.getDisplayName() + " names rule " + rule
          + " of template.yaml, but that rule delivered nothing during the test");
    }
  }

  private static String[] rules(ExtensionContext context) {
    return context.getRequiredTestMethod().getAnnotation(ExercisesRules.class).value();
  }

  private static LocalApiHarness harness() {
    return LocalApiHarness.current().orElseThrow(() -> new IllegalStateException(
        "an @ExercisesRules test needs an open LocalApiHarness (start it in @BeforeAll)"));
  }
}
