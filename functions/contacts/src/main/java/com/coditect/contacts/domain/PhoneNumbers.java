package com.coditect.contacts.domain;

import com.coditect.shared.error.UnprocessableException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Reads a phone number as typed with libphonenumber (Google's numbering plans): {@code country_code}
 * is the region hint for a number written without {@code +} (a region like {@code GB}, or a dialing
 * code like {@code +44}, whose main region is used); a number written with {@code +} carries its own
 * country. A number that cannot be read, cannot exist (wrong length) or is in no assigned range is
 * a 422 naming {@code phone_number} and the reason.
 */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  /** What is stored: E.164, the dialing code ({@code +44}), the region ({@code GB}) and the extension. */
  public record Normalised(String e164, String dialingCode, String region, String extension) {}

  private PhoneNumbers() {}

  public static Normalised normalise(String countryCode, String rawInput, String extension) {
    String region = regionHint(countryCode);
    PhoneNumber number;
    try {
      number = UTIL.parse(rawInput, region);
    } catch (NumberParseException e) {
      throw invalid(switch (e.getErrorType()) {
        case INVALID_COUNTRY_CODE -> "has no country: write it with + and its dialing code, or send the country_code it belongs to";
        case NOT_A_NUMBER -> "is not a phone number";
        case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
        case TOO_LONG -> "is too long to be a phone number";
      });
    }
    ValidationResult possible = UTIL.isPossibleNumberWithReason(number);
    if (possible != ValidationResult.IS_POSSIBLE && possible != ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
      throw invalid(switch (possible) {
        case INVALID_COUNTRY_CODE -> "has a country code no country uses";
        case TOO_SHORT -> "is too short for a number of its country";
        case TOO_LONG -> "is too long for a number of its country";
        default -> "has a length no number of its country has";
      });
    }
    if (!UTIL.isValidNumber(number)) {
      throw invalid("is not a valid number: no such number range is assigned in "
          + regionName(UTIL.getRegionCodeForCountryCode(number.getCountryCode())));
    }
    String typedExtension = number.hasExtension() ? number.getExtension() : null;
    if (extension != null && typedExtension != null && !extension.equals(typedExtension)) {
      throw UnprocessableException.forField("extension", "differs from the extension written in phone_number");
    }
    String numberRegion = UTIL.getRegionCodeForNumber(number);
    return new Normalised(UTIL.format(number, PhoneNumberFormat.E164), "+" + number.getCountryCode(),
        numberRegion == null || "001".equals(numberRegion) ? null : numberRegion,
        extension != null ? extension : typedExtension);
  }

  /** The region whose rules read a number written without {@code +}. */
  private static String regionHint(String countryCode) {
    if (countryCode.startsWith("+")) {
      String region = UTIL.getRegionCodeForCountryCode(Integer.parseInt(countryCode.substring(1)));
      if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
        return null;
      }
      if ("ZZ".equals(region)) {
        throw UnprocessableException.forField("country_code", "is not a dialing code any country uses");
      }
      return region;
    }
    return countryCode;
  }

  private static String regionName(String region) {
    return region == null || "ZZ".equals(region) || "001".equals(region) ? "its country"
        : new Locale("", region).getDisplayCountry(Locale.ENGLISH) + " (" + region + ")";
  }

  private static UnprocessableException invalid(String reason) {
    return UnprocessableException.forField("phone_number", reason);
  }
}
