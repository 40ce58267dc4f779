package com.coditect.shared.json;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.store.Timestamps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
  /** ISO 3166-1 alpha-2, as the JDK's locale data knows the assigned codes. */
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final String COUNTRY_MESSAGE = "must be an ISO 3166-1 alpha-2 country code in capitals, like US or DE";
  public static final int URL_MAX = 200;
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  /** Stored timestamps have four-digit years, so that they sort as strings. */
  private static final Instant FIRST_TIMESTAMP = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant AFTER_LAST_TIMESTAMP = Instant.parse("+10000-01-01T00:00:00Z");

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

  /** As {@link #requiredChoice(String, List)} for a choice list of the data model; null after an error. */
  public <E extends Enum<E> & Choice> E requiredChoice(String name, Class<E> type) {
    return Choice.fromApiName(type, requiredChoice(name, Choice.apiNames(type))).orElse(null);
  }

  public <E extends Enum<E> & Choice> E optionalChoice(String name, Class<E> type) {
    return Choice.fromApiName(type, optionalChoice(name, Choice.apiNames(type))).orElse(null);
  }

  public <E extends Enum<E> & Choice> Patch<E> patchChoice(String name, Class<E> type, boolean nullable) {
    return patchChoice(name, Choice.apiNames(type), nullable).map(v -> Choice.fromApiName(type, v).orElse(null));
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

  /** Absent or JSON null -> "is required"; else a UUID (null after recording a bad one). */
  public String requiredUuid(String name) {
    return checkUuid(name, requiredString(name, 36));
  }

  public Patch<String> patchUuid(String name, boolean nullable) {
    Patch<String> patch = patchString(name, 36, nullable);
    if (patch.isPresent()) {
      checkUuid(name, patch.value());
    }
    return patch;
  }

  /** Absent or JSON null -> "is required"; else a whole number within [min, max] (null after recording a bad one). */
  public Integer requiredInteger(String name, int min, int max) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      error(name, "is required");
      return null;
    }
    return checkInteger(name, value, min, max);
  }

  /** Absent or null -> null; else a whole number within [min, max]. */
  public Integer optionalInteger(String name, int min, int max) {
    JsonNode value = take(name);
    return value == null || value.isNull() ? null : checkInteger(name, value, min, max);
  }

  public Patch<Integer> patchInteger(String name, int min, int max, boolean nullable) {
    return patch(name, nullable, value -> checkInteger(name, value, min, max));
  }

  /**
   * A JSON number from {@code min} to {@code max}, rounded half up to {@code scale} decimal places
   * (a DecimalField's), read from the JSON text: {@code 52.520008} stays exactly that, never a
   * binary double's neighbour.
   */
  public Patch<BigDecimal> patchDecimal(String name, BigDecimal min, BigDecimal max, int scale, boolean nullable) {
    return patch(name, nullable, value -> {
      if (value.isNumber()) {
        BigDecimal number = value.decimalValue().setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        if (number.compareTo(min) >= 0 && number.compareTo(max) <= 0) {
          return number.scale() < 0 ? number.setScale(0) : number;
        }
      }
      error(name, "must be a number from " + min.toPlainString() + " to " + max.toPlainString());
      return null;
    });
  }

  /** Whether {@code code} is an assigned ISO 3166-1 alpha-2 code, in capitals as the standard writes it. */
  public static boolean isCountryCode(String code) {
    return code != null && COUNTRIES.contains(code);
  }

  /** A required ISO 3166-1 alpha-2 country code ({@link #isCountryCode}). */
  public String requiredCountryCode(String name) {
    return checkCountry(name, requiredString(name, 2));
  }

  /** An ISO 3166-1 alpha-2 country code that may change but not be cleared. */
  public Patch<String> patchCountryCode(String name) {
    Patch<String> patch = patchString(name, 2, false);
    if (patch.isPresent()) {
      checkCountry(name, patch.value());
    }
    return patch;
  }

  private String checkCountry(String name, String code) {
    if (code != null && !isCountryCode(code)) {
      error(name, COUNTRY_MESSAGE);
    }
    return code;
  }

  /** Absent -> absent; present -> {@code true} or {@code false} (null only when {@code nullable}). */
  public Patch<Boolean> patchBoolean(String name, boolean nullable) {
    return patch(name, nullable, value -> {
      if (!value.isBoolean()) {
        error(name, "must be true or false");
        return null;
      }
      return value.booleanValue();
    });
  }

  /** A calendar date, {@code YYYY-MM-DD} (ISO 8601). */
  public LocalDate requiredDate(String name) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      error(name, "is required");
      return null;
    }
    return checkDate(name, value);
  }

  public LocalDate optionalDate(String name) {
    JsonNode value = take(name);
    return value == null || value.isNull() ? null : checkDate(name, value);
  }

  public Patch<LocalDate> patchDate(String name, boolean nullable) {
    return patch(name, nullable, value -> checkDate(name, value));
  }

  /**
   * An instant with a zone offset ({@code 2026-12-01T17:00:00Z}), returned in the platform's form
   * (UTC, milliseconds) so stored timestamps sort as strings. A bare date is read as its start in UTC.
   */
  public String optionalTimestamp(String name) {
    JsonNode value = take(name);
    return value == null || value.isNull() ? null : checkTimestamp(name, value);
  }

  public Patch<String> patchTimestamp(String name, boolean nullable) {
    return patch(name, nullable, value -> checkTimestamp(name, value));
  }

  /**
   * A list of at most {@code maxItems} distinct strings of at most {@code maxLength} characters,
   * each matching {@code item}; absent or null -> null.
   */
  public List<String> optionalStringList(String name, int maxItems, int maxLength, Pattern item, String itemMessage) {
    JsonNode value = take(name);
    return value == null || value.isNull() ? null : checkStringList(name, value, maxItems, maxLength, item, itemMessage);
  }

  public Patch<List<String>> patchStringList(String name, int maxItems, int maxLength, Pattern item,
      String itemMessage, boolean nullable) {
    return patch(name, nullable, value -> checkStringList(name, value, maxItems, maxLength, item, itemMessage));
  }

  /** Any JSON object (free-form data such as custom fields); absent or null -> null. */
  public ObjectNode optionalObject(String name) {
    JsonNode value = take(name);
    return value == null || value.isNull() ? null : checkObject(name, value);
  }

  public Patch<ObjectNode> patchObject(String name, boolean nullable) {
    return patch(name, nullable, value -> checkObject(name, value));
  }

  /** Any JSON array, for lists of nested objects the caller reads itself; absent or null -> null. */
  public ArrayNode optionalArray(String name) {
    JsonNode value = take(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isArray()) {
      error(name, "must be an array");
      return null;
    }
    return (ArrayNode) value;
  }

  /** Reads the {@code index}-th object of an array field with the same error list (null if not an object). */
  public JsonFields arrayObject(String name, int index, JsonNode element) {
    String elementPath = path(name) + "[" + index + "]";
    if (element == null || !element.isObject()) {
      errors.add(new FieldError(elementPath, "must be an object"));
      return null;
    }
    return new JsonFields((ObjectNode) element, elementPath + ".", errors);
  }

  /**
   * A JSON number without a fraction: {@code 8} or {@code 8.0}, which JSON Schema's "integer"
   * also accepts (a client serialising numbers as doubles sends the latter).
   */
  public static boolean isWholeNumber(JsonNode value) {
    return value.isIntegralNumber() || (value.isNumber() && value.canConvertToExactIntegral());
  }

  /** True when the body has the field (even as null): for rules like "this or that". */
  public boolean has(String name) {
    return node.has(name);
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

  private <T> Patch<T> patch(String name, boolean nullable, java.util.function.Function<JsonNode, T> check) {
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
    return Patch.of(check.apply(value));
  }

  private Integer checkInteger(String name, JsonNode value, int min, int max) {
    if (!isWholeNumber(value) || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
      error(name, "must be a whole number from " + min + " to " + max);
      return null;
    }
    return value.intValue();
  }

  private LocalDate checkDate(String name, JsonNode value) {
    if (value.isTextual() && DATE.matcher(value.textValue()).matches()) {
      try {
        return LocalDate.parse(value.textValue());
      } catch (DateTimeParseException e) {
        // falls through to the error: 2026-02-30 has the right shape but is no date
      }
    }
    error(name, "must be a date, YYYY-MM-DD");
    return null;
  }

  private String checkTimestamp(String name, JsonNode value) {
    if (value.isTextual() && value.textValue().length() <= 40) {
      String text = value.textValue();
      try {
        Instant instant = Timestamps.parse(text);
        if (!instant.isBefore(FIRST_TIMESTAMP) && instant.isBefore(AFTER_LAST_TIMESTAMP)) {
          return Timestamps.format(instant);
        }
      } catch (DateTimeParseException e) {
        // falls through to the error
      }
    }
    error(name, "must be a date-time with an offset (e.g. 2026-12-01T17:00:00Z) or a date, years 0000 to 9999 in UTC");
    return null;
  }

  private List<String> checkStringList(String name, JsonNode value, int maxItems, int maxLength, Pattern item,
      String itemMessage) {
    if (!value.isArray()) {
      error(name, "must be an array of strings");
      return null;
    }
    if (value.size() > maxItems) {
      error(name, "must have at most " + maxItems + " items");
      return null;
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      String elementPath = path(name) + "[" + i + "]";
      if (!element.isTextual()) {
        errors.add(new FieldError(elementPath, "must be a string"));
        return null;
      }
      String text = element.textValue();
      if (text.codePointCount(0, text.length()) > maxLength || !item.matcher(text).matches()) {
        errors.add(new FieldError(elementPath, itemMessage + " (at most " + maxLength + " characters)"));
        return null;
      }
      if (result.contains(text)) {
        errors.add(new FieldError(elementPath, "is a duplicate"));
        return null;
      }
      result.add(text);
    }
    return List.copyOf(result);
  }

  private ObjectNode checkObject(String name, JsonNode value) {
    if (!value.isObject()) {
      error(name, "must be an object");
      return null;
    }
    return (ObjectNode) value;
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
