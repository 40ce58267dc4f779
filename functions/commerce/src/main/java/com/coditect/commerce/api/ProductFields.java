package com.coditect.commerce.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The field rules of a product shared by its create and its update. */
public final class ProductFields {

  public static final int SKU_MAX = 64;
  public static final int NAME_MAX = 255;
  public static final int DESCRIPTION_MAX = 5000;
  /** Letters, digits, dot, dash and underscore: a SKU goes on labels and into Stripe's metadata. */
  public static final Pattern SKU = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
  /** The most a price may be, in minor units: Stripe's limit for a unit amount (999,999.99 in dollars). */
  public static final int PRICE_MAX = 99_999_999;
  /** ISO 4217 codes the JDK knows, lower case as Stripe writes them. */
  private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
      .map(c -> c.getCurrencyCode().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private ProductFields() {}

  /** Whether {@code code} is an ISO 4217 currency code in lower case ({@code usd}). */
  public static boolean isCurrency(String code) {
    return code != null && CURRENCIES.contains(code);
  }

  static String checkCurrency(JsonFields fields, String code) {
    if (code != null && !isCurrency(code)) {
      fields.error("currency", "must be an ISO 4217 currency code in lower case, like usd or eur");
    }
    return code;
  }

  static Patch<String> patchCurrency(JsonFields fields) {
    Patch<String> patch = fields.patchString("currency", 3, false);
    if (patch.isPresent()) {
      checkCurrency(fields, patch.value());
    }
    return patch;
  }
}
