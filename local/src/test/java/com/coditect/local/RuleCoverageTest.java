package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRules;

import com.coditect.testing.CloudTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every event rule of template.yaml that targets a function has an end-to-end test: a test of
 * this package marked {@link ExercisesRules} with the rule's logical id, which makes its change
 * through the gateway and asserts the reaction (and which {@link RuleDeliveryCheck} fails unless
 * that rule delivered). A new rule fails this until it has one; a test naming a rule the template
 * no longer has fails too.
 */
class RuleCoverageTest {

  @Test
  void everyRuleOfTheTemplateHasAnEndToEndTest() {
    Set<String> rules = new TreeSet<>();
    new TemplateRules(CloudTemplate.load()).eventRules().forEach(rule -> rules.add(rule.logicalId()));
    Set<String> tested = testedRules();

    Set<String> untested = new TreeSet<>(rules);
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "rules of template.yaml without an @ExercisesRules end-to-end test");
    Set<String> unknown = new TreeSet<>(tested);
    unknown.removeAll(rules);
    assertEquals(Set.of(), unknown, "@ExercisesRules names rules template.yaml does not have");
  }

  @Test
  void findsTheMarkedTestsOfThisPackage() {
    assertTrue(testedRules().contains("PmEventsFunctionSprintCancelled"), testedRules().toString());
  }

  /** The rules named by the {@link ExercisesRules} tests among this package's compiled test classes. */
  private static Set<String> testedRules() {
    Set<String> tested = new TreeSet<>();
    for (Class<?> type : testClasses()) {
      for (Method method : type.getDeclaredMethods()) {
        ExercisesRules marked = method.getAnnotation(ExercisesRules.class);
        if (marked != null) {
          tested.addAll(Arrays.asList(marked.value()));
        }
      }
    }
    return tested;
  }

  private static List<Class<?>> testClasses() {
    String packagePath = RuleCoverageTest.class.getPackageName().replace('.', '/');
    Path directory;
    try {
      directory = Path.of(RuleCoverageTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolve(packagePath);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class"))
          .map(name -> RuleCoverageTest.class.getPackageName() + "." + name.substring(0, name.length() - 6))
          .map(RuleCoverageTest::load)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, RuleCoverageTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
