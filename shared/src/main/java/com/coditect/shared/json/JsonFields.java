package com.coditect.shared.json;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON request body, collecting every syntax problem (wrong type, too long,
 * not in the choice list, unknown field) so that one 400 names all offending fields at once.
 * Request records use it in their {@code from(JsonNode)} factories; nothing here uses reflection.
 */
public final class JsonFields {

  /**
   * A mailbox as RFC 5321 writes it without quoting: a dot-atom local part (at most 64 characters)
   * at a host name of two or more labels. Deliverability is proven by mail, not here.
   */
  public static final Pattern EMAIL = Pattern.compile(
      "^(?=.{1,64}@)[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$");
  public static final int EMAIL_MAX = 254;
  public static final int URL_MAX = 200;

  private final ObjectNode node;
  private final String prefix;
  private final Set<String> known = new HashSet<>();
  private final List<FieldError> errors;

  private JsonFields(ObjectNode node, String prefix, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  /** Starts reading a request body; a body that is not a JSON object is a 400 at once. */
  public static JsonFields of(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw BadRequestException.forField("body", "must be a JSON object");
    }
    return new JsonFields((ObjectNode) body, "", new ArrayList<>());
  }

  /** Reads a nested object field with the same error list; null when absent or invalid. */
  public JsonFields requiredObject(String name) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      error(name, "is required");
      return null;
    }
    if (!value.isObject()) {
      error(name, "must be an object");
      return null;
    }
    return new JsonFields((ObjectNode) value, path(name) + ".", errors);
  }

  public String requiredString(String name, int maxLength) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      error(name, "is required");
      return null;
    }
    return checkString(name, value, maxLength, true);
  }

  /** Absent -> null; present -> the string (null when JSON null). */
  public String optionalString(String name, int maxLength) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      return null;
    }
    return checkString(name, value, maxLength, false);
  }

  public Patch<String> patchString(String name, int maxLength, boolean nullable) {
    if (!node.has(name)) {
      known.add(name);
      return Patch.absent();
    }
    JsonNode value = take(name);
    if (value.isNull()) {
      if (!nullable) {
        error(name, "cannot be null");
      }
      return Patch.of(null);
    }
    return Patch.of(checkString(name, value, maxLength, !nullable));
  }

  public String requiredChoice(String name, List<String> choices) {
    String value = requiredString(name, 100);
    return checkChoice(name, value, choices);
  }

  public String optionalChoice(String name, List<String> choices) {
    return checkChoice(name, optionalString(name, 100), choices);
  }

  public Patch<String> patchChoice(String name, List<String> choices, boolean nullable) {
    Patch<String> patch = patchString(name, 100, nullable);
    if (patch.isPresent()) {
      checkChoice(name, patch.value(), choices);
    }
    return patch;
  }

  public String requiredEmail(String name) {
    return checkEmail(name, requiredString(name, EMAIL_MAX));
  }

  public String optionalEmail(String name) {
    return checkEmail(name, optionalString(name, EMAIL_MAX));
  }

  public Patch<String> patchEmail(String name, boolean nullable) {
    Patch<String> patch = patchString(name, EMAIL_MAX, nullable);
    if (patch.isPresent()) {
      checkEmail(name, patch.value());
    }
    return patch;
  }

  public String optionalUrl(String name) {
    return checkUrl(name, optionalString(name, URL_MAX));
  }

  public Patch<String> patchUrl(String name, boolean nullable) {
    Patch<String> patch = patchString(name, URL_MAX, nullable);
    if (patch.isPresent()) {
      checkUrl(name, patch.value());
    }
    return patch;
  }

  public String optionalUuid(String name) {
    return checkUuid(name, optionalString(name, 36));
  }

  public Patch<String> patchUuid(String name, boolean nullable) {
    Patch<String> patch = patchString(name, 36, nullable);
    if (patch.isPresent()) {
      checkUuid(name, patch.value());
    }
    return patch;
  }

  /** Checks a string already read against a pattern, with a message saying what it must be. */
  public String matching(String name, String value, Pattern pattern, String message) {
    if (value != null && !pattern.matcher(value).matches()) {
      error(name, message);
    }
    return value;
  }

  /** Reads an object whose keys must come from {@code allowedKeys} and whose values are booleans. */
  public Patch<Map<String, Boolean>> patchBooleanMap(String name, Set<String> allowedKeys, boolean nullable) {
    if (!node.has(name)) {
      known.add(name);
      return Patch.absent();
    }
    JsonNode value = take(name);
    if (value.isNull()) {
      if (!nullable) {
        error(name, "cannot be null");
      }
      return Patch.of(null);
    }
    if (!value.isObject()) {
      error(name, "must be an object");
      return Patch.of(null);
    }
    Map<String, Boolean> result = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = path(name) + "." + entry.getKey();
      if (!allowedKeys.contains(entry.getKey())) {
        errors.add(new FieldError(key, "is not a known setting; allowed: " + String.join(", ", sorted(allowedKeys))));
      } else if (!entry.getValue().isBoolean()) {
        errors.add(new FieldError(key, "must be true or false"));
      } else {
        result.put(entry.getKey(), entry.getValue().booleanValue());
      }
    }
    return Patch.of(result);
  }

  /** Rejects a field the request may not contain (e.g. an immutable one), with the reason. */
  public void reject(String name, String message) {
    if (node.has(name)) {
      known.add(name);
      error(name, message);
    }
  }

  /** Adds a field error found by a check outside this class. */
  public void error(String name, String message) {
    errors.add(new FieldError(path(name), message));
  }

  /** Rejects unknown fields and throws one 400 listing every problem found so far. */
  public void finish() {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!known.contains(name)) {
        errors.add(new FieldError(path(name), "is not a known field"));
      }
    }
    if (prefix.isEmpty() && !errors.isEmpty()) {
      throw new BadRequestException("The request body has invalid fields.", errors);
    }
  }

  /** For PATCH bodies: at least one field must be present. */
  public void requireAnyPresent() {
    if (node.isEmpty()) {
      errors.add(new FieldError("body", "must contain at least one field to change"));
    }
  }

  private JsonNode take(String name) {
    known.add(name);
    return node.get(name);
  }

  private String checkString(String name, JsonNode value, int maxLength, boolean nonBlank) {
    if (!value.isTextual()) {
      error(name, "must be a string");
      return null;
    }
    String text = value.textValue();
    // Limits are in characters as people count them, not UTF-16 units (an emoji is one).
    if (text.codePointCount(0, text.length()) > maxLength) {
      error(name, "must be at most " + maxLength + " characters");
      return null;
    }
    if (nonBlank && text.isBlank()) {
      error(name, "must not be blank");
      return null;
    }
    return text;
  }

  private String checkChoice(String name, String value, List<String> choices) {
    if (value != null && !choices.contains(value)) {
      error(name, "must be one of: " + String.join(", ", choices));
      return null;
    }
    return value;
  }

  private String checkEmail(String name, String value) {
    if (value != null && !EMAIL.matcher(value).matches()) {
      error(name, "must be an email address");
      return null;
    }
    return value == null ? null : value.trim();
  }

  private String checkUrl(String name, String value) {
    if (value == null) {
      return null;
    }
    // URIs are ASCII (RFC 3986); an IRI must arrive percent-encoded.
    boolean ascii = value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (ascii && (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException ignored) {
      // reported below
    }
    error(name, "must be an absolute http(s) URL");
    return null;
  }

  private String checkUuid(String name, String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT)) ? value.toLowerCase(Locale.ROOT) : fail(name);
    } catch (IllegalArgumentException e) {
      return fail(name);
    }
  }

  private String fail(String name) {
    error(name, "must be a UUID");
    return null;
  }

  private String path(String name) {
    return prefix + name;
  }

  private static List<String> sorted(Set<String> values) {
    String[] array = values.toArray(new String[0]);
    Arrays.sort(array);
    return List.of(array);
  }
}
