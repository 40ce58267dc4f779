package com.coditect.shared.files;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** The {@code Content-Disposition} that makes browsers save a download under its own name. */
public final class ContentDisposition {

  /** RFC 8187 attr-char besides letters and digits: these stay as they are in filename*. */
  private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  /**
   * {@code attachment} with an ASCII fallback name (RFC 6266) and the exact name in UTF-8
   * (RFC 8187), so every browser saves the file under a sensible name.
   */
  public static String attachment(String filename) {
    StringBuilder fallback = new StringBuilder();
    filename.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
      }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
  }
}
