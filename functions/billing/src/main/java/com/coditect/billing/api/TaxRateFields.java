package com.coditect.billing.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** The field rules of a tax rate shared by its create and its update (the spec's sizes and formats). */
public final class TaxRateFields {

  public static final int DISPLAY_NAME_MAX = 100;
  public static final int JURISDICTION_MAX = 100;
  /**
   * A percentage as decimal text, 0 to 100 with at most four decimal places ({@code "20"},
   * {@code "8.875"}): text, not a JSON number, so that no binary fraction creeps in between the
   * client, this table and Stripe, which takes up to four places too. The spec's DecimalField(5,2)
   * holds two; US local sales taxes need three (8.875 %), so the field is wider than the spec's.
   */
  public static final Pattern PERCENTAGE = Pattern.compile("^(100(\\.0{1,4})?|[0-9]{1,2}(\\.[0-9]{1,4})?)$");
  /** An ISO 3166-2 subdivision code's own part ({@code NY}, {@code BY}, {@code 13}). */
  public static final Pattern STATE_CODE = Pattern.compile("^[A-Z0-9]{1,10}$");

  private TaxRateFields() {}

  static String requiredPercentage(JsonFields fields) {
    return normalised(fields.matching("percentage", fields.requiredString("percentage", 8), PERCENTAGE,
        "must be a percentage from 0 to 100 as text, with at most four decimal places, like \"20\" or \"8.875\""));
  }

  static String optionalState(JsonFields fields) {
    return fields.matching("state_code", fields.optionalString("state_code", 10), STATE_CODE,
        "must be the subdivision part of an ISO 3166-2 code in capitals, like NY");
  }

  static Patch<String> patchState(JsonFields fields) {
    Patch<String> patch = fields.patchString("state_code", 10, true);
    if (patch.isPresent()) {
      fields.matching("state_code", patch.value(), STATE_CODE,
          "must be the subdivision part of an ISO 3166-2 code in capitals, like NY");
    }
    return patch;
  }

  /** {@code "20.0"} and {@code "20"} are one percentage: stored and shown without trailing zeros. */
  private static String normalised(String percentage) {
    if (percentage == null || !PERCENTAGE.matcher(percentage).matches()) {
      return percentage;
    }
    BigDecimal value = new BigDecimal(percentage).stripTrailingZeros();
    return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
  }
}
