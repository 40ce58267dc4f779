package com.coditect.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.contacts.model.ContactAddressType;
import com.coditect.contacts.model.EmailType;
import com.coditect.contacts.model.EntityType;
import com.coditect.contacts.model.PhoneType;
import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contacts' enums spell exactly the values of the OpenAPI document, in its order: a 400 lists
 * the values in declaration order, so a reordered or renamed constant would change the API.
 */
class ChoiceListsTest {

  private static final JsonNode DOCUMENT = document();

  @Test
  void entityTypeIsTheDocumentsListInEverySchema() {
    for (String schema : List.of("Address", "CreateAddressRequest", "PhoneNumber", "CreatePhoneNumberRequest",
        "EmailAddress", "CreateEmailAddressRequest")) {
      assertEquals(OpenApiChoices.ofProperty(DOCUMENT, schema, "entity_type"), Choice.apiNames(EntityType.class), schema);
    }
  }

  @Test
  void eachKindsTypeIsTheDocumentsList() {
    for (String schema : List.of("Address", "CreateAddressRequest", "UpdateAddressRequest")) {
      assertEquals(OpenApiChoices.ofProperty(DOCUMENT, schema, "address_type"),
          Choice.apiNames(ContactAddressType.class), schema);
    }
    for (String schema : List.of("PhoneNumber", "CreatePhoneNumberRequest", "UpdatePhoneNumberRequest")) {
      assertEquals(OpenApiChoices.ofProperty(DOCUMENT, schema, "phone_type"), Choice.apiNames(PhoneType.class), schema);
    }
    for (String schema : List.of("EmailAddress", "CreateEmailAddressRequest", "UpdateEmailAddressRequest")) {
      assertEquals(OpenApiChoices.ofProperty(DOCUMENT, schema, "email_type"), Choice.apiNames(EmailType.class), schema);
    }
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
