package com.coditect.shared.store;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a query's {@code LastEvaluatedKey} into an opaque, HMAC-signed cursor and back. The cursor
 * is bound to its scope (tenant, list and filter), so a cursor from one list or tenant is refused
 * by another rather than trusted: the tenant still comes only from the token.
 */
@Singleton
public final class CursorCodec {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final Supplier<String> key;

  /** Signs with the key in Secrets Manager that the config names, read on the first cursor. */
  @Inject
  public CursorCodec(Secrets secrets, AppConfig config) {
    this(() -> secrets.value(config.cursorKeySecret()));
  }

  /** Signs with the key {@code key} supplies (asked each time: a supplier may read it lazily). */
  public CursorCodec(Supplier<String> key) {
    this.key = key;
  }

  /** Null when there is no next page. Key attributes are all strings in this table. */
  public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    Map<String, String> plain = new HashMap<>();
    lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
    try {
      byte[] payload = JsonText.write(Map.of("s", scope, "k", plain)).getBytes(StandardCharsets.UTF_8);
      return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    } catch (Exception e) {
      throw new IllegalStateException("cannot encode cursor", e);
    }
  }

  /** The start key a cursor names; a tampered, foreign or malformed cursor is a 400. */
  public Map<String, AttributeValue> decode(String scope, String cursor) {
    int dot = cursor.indexOf('.');
    try {
      if (dot <= 0) {
        throw invalid();
      }
      byte[] payload = DECODER.decode(cursor.substring(0, dot));
      byte[] signature = DECODER.decode(cursor.substring(dot + 1));
      if (!MessageDigest.isEqual(sign(payload), signature)) {
        throw invalid();
      }
      if (!(JsonTrees.plain(JsonText.parse(new String(payload, StandardCharsets.UTF_8))) instanceof Map<?, ?> body)) {
        throw invalid();
      }
      if (!scope.equals(body.get("s")) || !(body.get("k") instanceof Map<?, ?> keyMap)) {
        throw invalid();
      }
      Map<String, AttributeValue> start = new HashMap<>();
      keyMap.forEach((name, value) -> start.put((String) name, AttributeValue.fromS((String) value)));
      return start;
    } catch (BadRequestException e) {
      throw e;
    } catch (Exception e) {
      throw invalid();
    }
  }

  private byte[] sign(byte[] payload) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return mac.doFinal(payload);
  }

  private static BadRequestException invalid() {
    return BadRequestException.forField("cursor", "is not a cursor this list returned");
  }
}
