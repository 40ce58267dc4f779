package com.coditect.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.error.UnprocessableException;
import org.junit.jupiter.api.Test;

/** libphonenumber reads what people type into E.164, with the region hint; what cannot be a number is a 422. */
class PhoneNumbersTest {

  @Test
  void aNationalNumberIsReadWithItsRegion() {
    PhoneNumbers.Normalised london = PhoneNumbers.normalise("GB", "020 7946 0000", null);
    assertEquals("+442079460000", london.e164());
    assertEquals("+44", london.dialingCode());
    assertEquals("GB", london.region());
    assertNull(london.extension());
    assertEquals("+14155552671", PhoneNumbers.normalise("US", "(415) 555-2671", null).e164());
  }

  @Test
  void aDialingCodeHintsItsMainRegion() {
    assertEquals("+442079460000", PhoneNumbers.normalise("+44", "020 7946 0000", null).e164());
    assertEquals("+4930123456", PhoneNumbers.normalise("+49", "030 123456", null).e164());
  }

  @Test
  void aNumberWithPlusCarriesItsOwnCountry() {
    PhoneNumbers.Normalised paris = PhoneNumbers.normalise("US", "+33 1 42 68 53 00", null);
    assertEquals("+33142685300", paris.e164());
    assertEquals("+33", paris.dialingCode());
    assertEquals("FR", paris.region());
  }

  @Test
  void anExtensionIsKeptApartFromTheNumber() {
    assertEquals("123", PhoneNumbers.normalise("US", "415-555-2671", "123").extension());
    PhoneNumbers.Normalised typed = PhoneNumbers.normalise("US", "415-555-2671 ext. 45", null);
    assertEquals("+14155552671", typed.e164());
    assertEquals("45", typed.extension());
    assertEquals("extension", field(() -> PhoneNumbers.normalise("US", "415-555-2671 ext. 45", "46")));
  }

  @Test
  void whatCannotBeANumberIsA422NamingTheReason() {
    assertReason("is not a phone number", "GB", "hello");
    assertReason("too short", "US", "555");
    assertReason("too long", "DE", "030 1234567890123456");
    assertReason("no such number range", "US", "(123) 456-7890");
    assertReason("no country", "+800", "12345678");
  }

  @Test
  void anUnusedDialingCodeIsA422OnCountryCode() {
    assertEquals("country_code", field(() -> PhoneNumbers.normalise("+999", "12345", null)));
  }

  private static void assertReason(String reason, String country, String number) {
    UnprocessableException refused = assertThrows(UnprocessableException.class,
        () -> PhoneNumbers.normalise(country, number, null));
    assertEquals("phone_number", refused.errors().get(0).field());
    assertTrue(refused.errors().get(0).message().contains(reason), refused.errors().get(0).message());
  }

  private static String field(Runnable call) {
    return assertThrows(UnprocessableException.class, call::run).errors().get(0).field();
  }
}
