package com.coditect.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The functions of template.yaml, each loaded once by the handler class the template names and
 * built with its public no-arg constructor, exactly as Lambda would. Invocations of one function
 * are serialised, as one Lambda instance handles one event at a time.
 */
final class FunctionRegistry {

  /** Lambda's own JSON mapping of event classes is camelCase; these POJOs follow it. */
  private static final ObjectMapper EVENTS = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Map<String, Loaded> functions = new ConcurrentHashMap<>();

  /** Invokes the handler named {@code Class::method} with an input converted to its event type. */
  Object invoke(String handlerSpec, Object input, String requestId) {
    Loaded function = functions.computeIfAbsent(handlerSpec, FunctionRegistry::load);
    Object event = input;
    if (!function.inputType().isInstance(input)) {
      JsonNode json = input instanceof String text ? readTree(text) : EVENTS.valueToTree(input);
      event = function.inputType() == String.class ? json.toString() : EVENTS.convertValue(json, function.inputType());
    }
    synchronized (function) {
      return function.handler().handleRequest(event, new LocalContext(requestId, handlerSpec));
    }
  }

  /** Builds every function up front, so the first request does not pay for it. */
  void warm(String handlerSpec) {
    functions.computeIfAbsent(handlerSpec, FunctionRegistry::load);
  }

  @SuppressWarnings("unchecked")
  private static Loaded load(String handlerSpec) {
    String className = handlerSpec.contains("::") ? handlerSpec.substring(0, handlerSpec.indexOf("::")) : handlerSpec;
    try {
      Class<?> type = Class.forName(className);
      Object instance = type.getConstructor().newInstance();
      if (!(instance instanceof RequestHandler<?, ?> handler)) {
        throw new IllegalStateException(className + " is not a RequestHandler");
      }
      Class<?> inputType = Object.class;
      for (Method method : type.getMethods()) {
        if (method.getName().equals("handleRequest") && method.getParameterCount() == 2 && !method.isBridge()
            && method.getParameterTypes()[1] == Context.class) {
          inputType = method.getParameterTypes()[0];
        }
      }
      return new Loaded((RequestHandler<Object, Object>) handler, inputType);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load handler " + handlerSpec, e);
    }
  }

  private static JsonNode readTree(String text) {
    try {
      return EVENTS.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("event is not JSON", e);
    }
  }

  private record Loaded(RequestHandler<Object, Object> handler, Class<?> inputType) {}
}
