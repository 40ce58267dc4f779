package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import java.util.regex.Pattern;

/** The spec's lengths of a phone number's fields, and the shape of an extension. */
public final class PhoneNumberFields {

  public static final int NUMBER_MAX = 50;
  public static final int EXTENSION_MAX = 20;
  private static final Pattern DIGITS = Pattern.compile("^[0-9]{1,20}$");

  private PhoneNumberFields() {}

  /** An extension is digits only: it is dialled after the number connects. */
  static String extension(JsonFields fields, String extension) {
    return fields.matching("extension", extension, DIGITS, "must be digits only");
  }
}
