package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.math.BigDecimal;

/** The spec's lengths of an address's fields, and its coordinates' ranges (DecimalField(9,6): six places). */
public final class AddressFields {

  public static final int NAME_MAX = 255;
  public static final int LINE_MAX = 255;
  public static final int CITY_MAX = 100;
  public static final int STATE_MAX = 100;
  public static final int POSTAL_CODE_MAX = 20;
  public static final int COORDINATE_SCALE = 6;
  private static final BigDecimal LATITUDE_LIMIT = BigDecimal.valueOf(90);
  private static final BigDecimal LONGITUDE_LIMIT = BigDecimal.valueOf(180);

  private AddressFields() {}

  static Patch<BigDecimal> latitude(JsonFields fields, boolean nullable) {
    return fields.patchDecimal("latitude", LATITUDE_LIMIT.negate(), LATITUDE_LIMIT, COORDINATE_SCALE, nullable);
  }

  static Patch<BigDecimal> longitude(JsonFields fields, boolean nullable) {
    return fields.patchDecimal("longitude", LONGITUDE_LIMIT.negate(), LONGITUDE_LIMIT, COORDINATE_SCALE, nullable);
  }

  /** A point needs both coordinates: one sent alone is refused, naming the one missing. */
  static void requireBothOrNeither(JsonFields fields, Patch<BigDecimal> latitude, Patch<BigDecimal> longitude) {
    if (latitude.isPresent() != longitude.isPresent()) {
      fields.error(latitude.isPresent() ? "longitude" : "latitude", "must be given with latitude and longitude together");
    }
  }

  /**
   * A point is both coordinates or none: when either is null (sent as null, or cleared), neither is
   * kept. Returns the latitude and longitude to keep, in that order (nulls for none).
   */
  static BigDecimal[] point(BigDecimal latitude, BigDecimal longitude) {
    return latitude == null || longitude == null ? new BigDecimal[] {null, null} : new BigDecimal[] {latitude, longitude};
  }
}
