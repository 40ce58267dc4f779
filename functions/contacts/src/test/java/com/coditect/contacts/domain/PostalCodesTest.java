package com.coditect.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.error.UnprocessableException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Postal codes by Google's address metadata: every example it gives passes, malformed codes do not. */
class PostalCodesTest {

  @Test
  void everyExampleOfTheDataSetPasses() {
    int countries = 0;
    for (String country : Locale.getISOCountries()) {
      if (PostalCodes.covers(country)) {
        countries++;
        for (String example : PostalCodes.examples(country).orElseThrow().split(",")) {
          if (!example.isBlank()) {
            assertDoesNotThrow(() -> PostalCodes.check(country, example), country + " " + example);
          }
        }
      }
    }
    assertTrue(countries > 170, "the data set covers " + countries + " countries");
  }

  @Test
  void aMalformedCodeIsA422NamingThePostalCode() {
    UnprocessableException refused = assertThrows(UnprocessableException.class, () -> PostalCodes.check("US", "9501"));
    assertEquals("postal_code", refused.errors().get(0).field());
    assertTrue(refused.errors().get(0).message().contains("United States"), refused.errors().get(0).message());
    assertThrows(UnprocessableException.class, () -> PostalCodes.check("DE", "1011"));
    assertThrows(UnprocessableException.class, () -> PostalCodes.check("GB", "ZZ1 1ZZ"));
    assertThrows(UnprocessableException.class, () -> PostalCodes.check("CA", "D1A 0B1"));
  }

  @Test
  void lettersAreComparedInCapitalsAndSpacesAroundIgnored() {
    assertDoesNotThrow(() -> PostalCodes.check("GB", " sw1y 4jh "));
    assertDoesNotThrow(() -> PostalCodes.check("NL", "1012 ab"));
    assertDoesNotThrow(() -> PostalCodes.check("US", "22162-1010"));
  }

  @Test
  void aCountryTheDataHasNoFormatForTakesAnyCode() {
    assertFalse(PostalCodes.covers("AE"), "the United Arab Emirates have no postal codes");
    assertDoesNotThrow(() -> PostalCodes.check("AE", "anything"));
  }
}
