package com.coditect.shared.store;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.json.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns a query's {@code LastEvaluatedKey} into an opaque cursor and back. The cursor is the key
 * encrypted with AES-GCM, with its scope (tenant, list and filter values) as the authenticated
 * data: decoded, it shows nothing of the table's keys, and a cursor from one list or tenant fails
 * authentication in another rather than being trusted (the tenant still comes only from the token).
 *
 * <p>The nonce is synthetic, as in SIV modes: an HMAC of the scope and the key, not a random
 * number. A SnapStart snapshot can therefore never make two environments draw the same nonce for
 * different cursors; the same page of the same list simply always gets the same cursor.
 */
@Singleton
public final class CursorCodec {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final Supplier<String> secret;
  /** The keys last derived, with the secret they came from: derived once, not on every cursor. */
  private volatile Keys derived;

  /** Keys derived from the secret in Secrets Manager that the config names, read on the first cursor. */
  @Inject
  public CursorCodec(Secrets secrets, AppConfig config) {
    this(() -> secrets.value(config.cursorKeySecret()));
  }

  /** Keys derived from the secret {@code secret} supplies (asked each time: a supplier may read it lazily). */
  public CursorCodec(Supplier<String> secret) {
    this.secret = secret;
  }

  /** Null when there is no next page. Key attributes are all strings in this table. */
  public String encode(String scope, Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    // Sorted, so that one position always encrypts to one cursor.
    Map<String, String> plain = new TreeMap<>();
    lastEvaluatedKey.forEach((name, value) -> plain.put(name, value.s()));
    try {
      byte[] payload = JsonText.write(plain).getBytes(StandardCharsets.UTF_8);
      byte[] aad = scope.getBytes(StandardCharsets.UTF_8);
      Keys keys = keys();
      byte[] nonce = Arrays.copyOf(hmac(keys.nonce(), aad, payload), NONCE_BYTES);
      byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keys.encryption(), nonce, aad).doFinal(payload);
      byte[] cursor = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, cursor, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, cursor, NONCE_BYTES, sealed.length);
      return ENCODER.encodeToString(cursor);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode cursor", e);
    }
  }

  /** The start key a cursor names; a tampered, foreign or malformed cursor is a 400. */
  public Map<String, AttributeValue> decode(String scope, String cursor) {
    try {
      byte[] bytes = DECODER.decode(cursor);
      if (bytes.length <= NONCE_BYTES + TAG_BITS / 8) {
        throw invalid();
      }
      byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
      byte[] aad = scope.getBytes(StandardCharsets.UTF_8);
      byte[] payload = cipher(Cipher.DECRYPT_MODE, keys().encryption(), nonce, aad)
          .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      if (!(JsonTrees.plain(JsonText.parse(new String(payload, StandardCharsets.UTF_8))) instanceof Map<?, ?> keyMap)) {
        throw invalid();
      }
      Map<String, AttributeValue> start = new HashMap<>();
      keyMap.forEach((name, value) -> start.put((String) name, AttributeValue.fromS((String) value)));
      return start;
    } catch (BadRequestException e) {
      throw e;
    } catch (Exception e) {
      // A failed tag (tampered, foreign scope, other key), bad base64 or a payload of another shape.
      throw invalid();
    }
  }

  /** Two keys from the one secret, each for one purpose (HMAC-SHA256 as the derivation function). */
  private Keys keys() throws GeneralSecurityException {
    String current = secret.get();
    Keys keys = derived;
    if (keys != null && keys.secret().equals(current)) {
      return keys;
    }
    byte[] master = current.getBytes(StandardCharsets.UTF_8);
    byte[] encryption = hmac(master, "coditect cursor encryption".getBytes(StandardCharsets.UTF_8), new byte[0]);
    byte[] nonce = hmac(master, "coditect cursor nonce".getBytes(StandardCharsets.UTF_8), new byte[0]);
    keys = new Keys(current, encryption, nonce);
    derived = keys;
    return keys;
  }

  private record Keys(String secret, byte[] encryption, byte[] nonce) {}

  private static Cipher cipher(int mode, byte[] key, byte[] nonce, byte[] aad) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(aad);
    return cipher;
  }

  /** HMAC-SHA256 of {@code first}, a zero byte and {@code second}: the zero keeps the two apart. */
  private static byte[] hmac(byte[] key, byte[] first, byte[] second) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(first);
    mac.update((byte) 0);
    return mac.doFinal(second);
  }

  private static BadRequestException invalid() {
    return BadRequestException.forField("cursor", "is not a cursor this list returned");
  }
}
