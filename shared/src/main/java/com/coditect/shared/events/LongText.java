package com.coditect.shared.events;

import com.coditect.shared.digest.Sha256;
import com.coditect.shared.json.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Long values travel in events and history rows as their length and SHA-256, never in full: an
 * event must fit EventBridge's 256 KB request and a history row should cost one write unit, while
 * a description may be 50,000 characters. A reader still sees that the value changed, and to what
 * digest; the value itself is in the item it belongs to.
 */
public final class LongText {

  /** Values up to this many characters (strings) or JSON characters (objects, lists) travel as they are. */
  public static final int MAX_CHARS = 1024;

  private LongText() {}

  /**
   * {@code value} itself when it is short (or not text at all), else
   * {@code {"length": <characters>, "sha256": "<hex of the UTF-8 text>"}}, where the text of an
   * object or list is its JSON.
   */
  public static Object compact(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    String text = value instanceof String string ? string : JsonText.write(value);
    if (text.length() <= MAX_CHARS) {
      return value;
    }
    Map<String, Object> digest = new LinkedHashMap<>();
    digest.put("length", text.length());
    digest.put("sha256", Sha256.hex(text));
    return digest;
  }

}
