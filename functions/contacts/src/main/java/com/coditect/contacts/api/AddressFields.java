package com.coditect.contacts.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;
import java.math.BigDecimal;

/** The spec's lengths of an address's fields, and its coordinates' ranges (DecimalField(9,6)). */
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
   * After the fields were read (so neither is null for being invalid): one cleared and the other
   * set is half a point, refused naming the cleared one.
   */
  static void requireWholePoint(Patch<BigDecimal> latitude, Patch<BigDecimal> longitude) {
    if (latitude.isPresent() && longitude.isPresent() && (latitude.value() == null) != (longitude.value() == null)) {
      throw BadRequestException.forField(latitude.value() == null ? "latitude" : "longitude",
          "must be null together with the other coordinate, or both numbers");
    }
  }
}
