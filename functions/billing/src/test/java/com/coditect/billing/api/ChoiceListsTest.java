package com.coditect.billing.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.billing.model.AddressType;
import com.coditect.billing.model.InvoiceStatus;
import com.coditect.billing.model.SubscriptionStatus;
import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The billing enums spell exactly the values of the OpenAPI document, in its order: a 400 lists the
 * values in declaration order, so a reordered or renamed constant would change the API.
 */
class ChoiceListsTest {

  private static final JsonNode DOCUMENT = document();

  @Test
  void addressTypeIsTheDocumentsListInEverySchema() {
    for (String schema : List.of("BillingAddress", "CreateBillingAddressRequest", "UpdateBillingAddressRequest")) {
      assertEquals(OpenApiChoices.ofProperty(DOCUMENT, schema, "address_type"), Choice.apiNames(AddressType.class),
          schema);
    }
  }

  @Test
  void subscriptionAndInvoiceStatusesAreTheDocumentsLists() {
    assertEquals(OpenApiChoices.ofProperty(DOCUMENT, "Subscription", "status"), Choice.apiNames(SubscriptionStatus.class));
    assertEquals(OpenApiChoices.ofProperty(DOCUMENT, "Invoice", "status"), Choice.apiNames(InvoiceStatus.class));
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
