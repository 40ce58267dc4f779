package com.coditect.contacts.data;

import com.coditect.shared.log.Log;
import dagger.Lazy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.geoplaces.GeoPlacesClient;
import software.amazon.awssdk.services.geoplaces.model.GeocodeResponse;
import software.amazon.awssdk.services.geoplaces.model.GeocodeResultItem;

/**
 * Amazon Location Service's Places API ({@code Geocode}), asked for the best match in the address's
 * own country. Geocoding is a convenience: a failure or no match leaves the address without
 * coordinates, and never fails the write that asked (it is logged).
 */
@Singleton
public final class AmazonLocationGeocoder implements Geocoder {

  private static final Log LOG = Log.forClass(AmazonLocationGeocoder.class);

  // Built on the first address without a point, not at init.
  private final Lazy<GeoPlacesClient> places;

  @Inject
  AmazonLocationGeocoder(Lazy<GeoPlacesClient> places) {
    this.places = places;
  }

  @Override
  public Optional<Coordinates> locate(String addressLine1, String city, String postalCode, String countryCode) {
    try {
      GeocodeResponse response = places.get().geocode(r -> r.queryText(String.join(", ", addressLine1, postalCode + " " + city))
          .filter(f -> f.includeCountries(alpha3(countryCode))).maxResults(1));
      List<GeocodeResultItem> items = response.resultItems();
      if (items.isEmpty() || items.get(0).position().size() < 2) {
        return Optional.empty();
      }
      // Positions are [longitude, latitude], as GeoJSON writes them.
      List<Double> position = items.get(0).position();
      return Optional.of(new Coordinates(sixPlaces(position.get(1)), sixPlaces(position.get(0))));
    } catch (SdkException e) {
      LOG.warn("geocoding failed; the address keeps no coordinates", "error", e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  private static BigDecimal sixPlaces(double value) {
    return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
  }

  /** Amazon Location filters countries by ISO 3166-1 alpha-3; the JDK's locale data maps alpha-2 to it. */
  private static String alpha3(String alpha2) {
    return new Locale("", alpha2).getISO3Country();
  }
}
