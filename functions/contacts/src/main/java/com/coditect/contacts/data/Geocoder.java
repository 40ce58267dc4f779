package com.coditect.contacts.data;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Finds an address's coordinates when the caller gave none. On AWS it is Amazon Location Service
 * ({@link AmazonLocationGeocoder}); locally, and wherever {@code GEOCODING=off}, it is {@link #OFF}
 * and addresses keep the coordinates they were given (or none).
 */
public interface Geocoder {

  /** Latitude and longitude, six decimal places as stored. */
  record Coordinates(BigDecimal latitude, BigDecimal longitude) {}

  /** The address's coordinates, or empty when none was found (or geocoding is off). */
  Optional<Coordinates> locate(String addressLine1, String city, String postalCode, String countryCode);

  /** Geocoding switched off: never finds anything. */
  Geocoder OFF = (line, city, postalCode, country) -> Optional.empty();
}
