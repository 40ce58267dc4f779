package com.coditect.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The SAM template as plain maps and lists, with the routes the local gateway and tests serve.
 *
 * <p>CloudFormation short-form tags become their long form, a one-entry map: {@code !Ref X} is
 * {@code {"Ref": "X"}}, {@code !Condition C} is {@code {"Condition": "C"}}, and any other
 * {@code !Name args} is {@code {"Fn::Name": args}} ({@code !GetAtt A.B} stays the string
 * {@code "A.B"}). So a value reads the same whichever form the template author chose.
 */
public final class CloudTemplate {

  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  private static volatile CloudTemplate projectTemplate;

  private final Map<String, Object> document;

  private CloudTemplate(Map<String, Object> document) {
    this.document = Collections.unmodifiableMap(document);
  }

  /** The project's {@code template.yaml}, parsed once per JVM. */
  public static CloudTemplate load() {
    CloudTemplate template = projectTemplate;
    if (template == null) {
      template = load(ProjectFiles.template());
      projectTemplate = template;
    }
    return template;
  }

  public static CloudTemplate load(Path file) {
    try {
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  public static CloudTemplate parse(String yaml) {
    Object root = new Yaml(new IntrinsicFunctionConstructor()).load(yaml);
    if (!(root instanceof Map)) {
      throw new IllegalArgumentException("a template is a YAML mapping at the top level");
    }
    return new CloudTemplate(map(root, "template"));
  }

  /** The whole parsed template (Resources, Globals, Conditions...), read-only at the top level. */
  public Map<String, Object> document() {
    return document;
  }

  /** Every HttpApi event of every serverless function, in template order. */
  public List<TemplateRoute> routes() {
    List<TemplateRoute> routes = new ArrayList<>();
    resources().forEach((logicalId, value) -> {
      Map<String, Object> resource = map(value, logicalId);
      if (!SERVERLESS_FUNCTION.equals(resource.get("Type"))) {
        return;
      }
      Map<String, Object> properties = map(resource.getOrDefault("Properties", Map.of()), logicalId);
      String handler = string(properties.get("Handler"));
      if (handler == null) {
        // SAM lets Globals.Function supply any function property, the handler included.
        handler = string(map(map(document.getOrDefault("Globals", Map.of()), "Globals")
            .getOrDefault("Function", Map.of()), "Globals.Function").get("Handler"));
      }
      Map<String, Object> events = map(properties.getOrDefault("Events", Map.of()), logicalId + ".Events");
      for (Map.Entry<String, Object> event : events.entrySet()) {
        Map<String, Object> definition = map(event.getValue(), event.getKey());
        if ("HttpApi".equals(definition.get("Type"))) {
          routes.add(route(logicalId, handler, event.getKey(),
              map(definition.getOrDefault("Properties", Map.of()), event.getKey())));
        }
      }
    });
    return List.copyOf(routes);
  }

  /** The routes served by handlers whose {@code Handler} starts with the prefix. */
  public List<TemplateRoute> routesOf(String handlerClassPrefix) {
    return routes().stream()
        .filter(route -> route.handler() != null && route.handler().startsWith(handlerClassPrefix))
        .toList();
  }

  /** The {@code Properties} of one resource; fails when the template has no such resource. */
  public Map<String, Object> resourceProperties(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
    }
    return map(map(resource, logicalId).getOrDefault("Properties", Map.of()), logicalId + ".Properties");
  }

  /** The {@code Type} of one resource; fails when the template has no such resource. */
  public String resourceType(String logicalId) {
    Object resource = resources().get(logicalId);
    if (resource == null) {
      throw new IllegalArgumentException("template.yaml has no resource " + logicalId);
    }
    return string(map(resource, logicalId).get("Type"));
  }

  private Map<String, Object> resources() {
    return map(document.getOrDefault("Resources", Map.of()), "Resources");
  }

  /**
   * An event without Path and Method would be SAM's catch-all {@code $default} route, which this
   * project does not use; failing names the event instead of inventing a route key for it.
   */
  private static TemplateRoute route(
      String logicalId, String handler, String eventName, Map<String, Object> properties) {
    String method = string(properties.get("Method"));
    String path = string(properties.get("Path"));
    if (method == null || path == null) {
      throw new IllegalStateException("HttpApi event " + logicalId + "." + eventName
          + " needs both Path and Method");
    }
    Object auth = properties.get("Auth");
    boolean isPublic = auth instanceof Map<?, ?> authMap && "NONE".equals(authMap.get("Authorizer"));
    return new TemplateRoute(logicalId, handler, method.toUpperCase(Locale.ROOT), path, isPublic);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new IllegalStateException(what + " is not a mapping in template.yaml: " + value);
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  /** Builds plain data for every tag SnakeYAML does not know, i.e. every CloudFormation short form. */
  private static final class IntrinsicFunctionConstructor extends SafeConstructor {

    IntrinsicFunctionConstructor() {
      super(strict());
      // The null key is SnakeYAML's fallback for tags without a constructor of their own.
      this.yamlConstructors.put(null, new IntrinsicFunction());
    }

    /**
     * A key twice in one mapping is refused, as CloudFormation refuses it: SnakeYAML would keep the
     * last and drop the rest silently (a merge once left a function's routes in a second Events
     * block, and the first block's routes were gone).
     */
    private static LoaderOptions strict() {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      return options;
    }

    private final class IntrinsicFunction extends AbstractConstruct {
      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        String name = node.getTag().getValue().substring(1);
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        return Collections.singletonMap(key, value);
      }
    }
  }
}
