package com.coditect.local;

import com.coditect.testing.CloudTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's parameters as the local runtime takes them: each is its {@code Default}, as a
 * deploy that overrides none would have it (locally there is no {@code --parameter-overrides}).
 */
final class TemplateParameters {

  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  private final CloudTemplate template;

  TemplateParameters(CloudTemplate template) {
    this.template = template;
  }

  /**
   * {@code value} as text: a string as it is, {@code !Ref P} of a parameter with a default as that
   * default; empty for anything else (a {@code !Ref} of a resource, {@code !GetAtt}, {@code !Sub}),
   * which the local runtime resolves where it makes the resource.
   */
  Optional<String> resolve(Object value) {
    if (value instanceof String text) {
      return Optional.of(text);
    }
    if (value instanceof Map<?, ?> intrinsic && intrinsic.size() == 1 && intrinsic.get("Ref") instanceof String name) {
      return defaultOf(name);
    }
    return Optional.empty();
  }

  /**
   * The functions' environment variables that are a parameter ({@code NAME: !Ref P}, in
   * {@code Globals.Function} or any function), each its parameter's default. Every function runs
   * in one JVM with one set of overrides locally, so two functions giving one name different
   * parameters is refused rather than one of them silently seeing the other's value.
   */
  Map<String, String> functionEnvironment() {
    Map<String, String> environment = new LinkedHashMap<>();
    Map<String, Object> globals = map(map(template.document().get("Globals")).get("Function"));
    addParameters(environment, "Globals.Function", globals);
    map(template.document().get("Resources")).forEach((logicalId, resource) -> {
      if (SERVERLESS_FUNCTION.equals(map(resource).get("Type"))) {
        addParameters(environment, logicalId, map(map(resource).get("Properties")));
      }
    });
    return environment;
  }

  private void addParameters(Map<String, String> environment, String where, Map<String, Object> function) {
    Map<String, Object> variables = map(map(function.get("Environment")).get("Variables"));
    variables.forEach((name, value) -> {
      if (!(value instanceof Map<?, ?> intrinsic && intrinsic.get("Ref") instanceof String ref && isParameter(ref))) {
        return;
      }
      String resolved = defaultOf(ref).orElseThrow(() -> new IllegalStateException(
          where + " sets " + name + " to parameter " + ref + ", which has no Default to run with locally"));
      String earlier = environment.putIfAbsent(name, resolved);
      if (earlier != null && !earlier.equals(resolved)) {
        throw new IllegalStateException(where + " sets " + name + " to " + resolved + " where another function has "
            + earlier + ": the local runtime gives all functions one environment");
      }
    });
  }

  private boolean isParameter(String name) {
    return map(template.document().get("Parameters")).containsKey(name);
  }

  private Optional<String> defaultOf(String parameter) {
    Object definition = map(template.document().get("Parameters")).get(parameter);
    if (definition == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(map(definition).get("Default")).map(String::valueOf);
  }

  /** A mapping of the template, or an empty one where the template has none. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> mapping ? (Map<String, Object>) mapping : Map.of();
  }
}
