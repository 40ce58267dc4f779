package com.coditect.billing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.billing.model.AddressType;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.Json;
import com.coditect.shared.json.JsonFields;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The syntax of billing address bodies: the spec's sizes, choice lists and ISO 3166-1 alpha-2. */
class BillingAddressFieldsTest {

  private static final String MINIMAL =
      "{\"full_name\":\"Ada\",\"address_line1\":\"1 Main St\",\"city\":\"Springfield\",\"postal_code\":\"12345\","
          + "\"country_code\":\"%s\"}";

  @Test
  void acceptsAssignedAlpha2CodesInCapitals() {
    for (String code : List.of("US", "DE", "GB", "JP", "BR", "NZ")) {
      assertTrue(JsonFields.isCountryCode(code), code);
    }
  }

  @Test
  void refusesUnassignedLowerCaseAndAlpha3Codes() {
    for (String code : List.of("XX", "ZZ", "us", "Us", "USA", "U", "", "UK")) {
      assertFalse(JsonFields.isCountryCode(code), code);
    }
    assertFalse(JsonFields.isCountryCode(null));
  }

  /** The contract lists exactly the codes the check accepts, so a generated client never sends one it refuses. */
  @Test
  void theOpenApiCountryCodeEnumIsTheCheckedList() throws IOException {
    JsonNode schema = Json.newMapper().readTree(ProjectFiles.openApi().toFile())
        .path("components").path("schemas").path("CountryCode");
    Set<String> documented = new TreeSet<>();
    schema.path("enum").forEach(code -> documented.add(code.asText()));
    assertEquals(new TreeSet<>(Set.of(Locale.getISOCountries())), documented);
    documented.forEach(code -> assertTrue(JsonFields.isCountryCode(code), code));
  }

  @Test
  void aMinimalBodyIsABillingAddressThatIsNotTheDefault() {
    CreateBillingAddressRequest request = CreateBillingAddressRequest.from(Json.readTree(MINIMAL.formatted("US")));
    assertEquals(AddressType.BILLING, request.addressType());
    assertFalse(request.isDefault());
    assertEquals("US", request.countryCode());
  }

  @Test
  void anUnknownCountryIs400NamingCountryCode() {
    BadRequestException bad = assertThrows(BadRequestException.class,
        () -> CreateBillingAddressRequest.from(Json.readTree(MINIMAL.formatted("XX"))));
    assertEquals(List.of("country_code"), bad.errors().stream().map(e -> e.field()).toList());
  }

  @Test
  void everyProblemOfABodyIsNamedAtOnce() {
    BadRequestException bad = assertThrows(BadRequestException.class, () -> CreateBillingAddressRequest.from(
        Json.readTree("{\"address_type\":\"home\",\"postal_code\":\"" + "9".repeat(21) + "\",\"country_code\":\"usa\","
            + "\"is_default\":\"yes\",\"extra\":1}")));
    assertEquals(List.of("address_type", "full_name", "address_line1", "city", "postal_code", "country_code",
        "is_default", "extra"), bad.errors().stream().map(e -> e.field()).toList());
  }

  @Test
  void aPatchMustChangeSomethingAndMayNotClearRequiredFields() {
    BadRequestException empty = assertThrows(BadRequestException.class,
        () -> UpdateBillingAddressRequest.from(Json.readTree("{}")));
    assertEquals(List.of("body"), empty.errors().stream().map(e -> e.field()).toList());
    BadRequestException cleared = assertThrows(BadRequestException.class,
        () -> UpdateBillingAddressRequest.from(Json.readTree("{\"city\":null,\"is_default\":null}")));
    assertEquals(List.of("city", "is_default"), cleared.errors().stream().map(e -> e.field()).toList());
  }
}
