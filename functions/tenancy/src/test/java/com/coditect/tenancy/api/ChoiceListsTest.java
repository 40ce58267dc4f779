package com.coditect.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.domain.Choice;
import com.coditect.shared.json.JsonText;
import com.coditect.shared.tenancy.TenantStatus;
import com.coditect.shared.tenancy.UserStatus;
import com.coditect.tenancy.model.ProjectStatus;
import com.coditect.tenancy.model.TenantCompanySize;
import com.coditect.testing.OpenApiChoices;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tenancy enums spell exactly the values of the OpenAPI document, in its order: a 400 lists the
 * values in declaration order, so a reordered or renamed constant would change the API.
 */
class ChoiceListsTest {

  private static JsonNode document;

  @BeforeAll
  static void readDocument() throws Exception {
    try (InputStream in = ChoiceListsTest.class.getResourceAsStream("/openapi.json")) {
      document = JsonText.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void tenantStatusIsTheDocumentsList() {
    assertEquals(documented("Tenant", "status"), Choice.apiNames(TenantStatus.class));
  }

  @Test
  void companySizeIsTheDocumentsListInEverySchema() {
    for (String schema : List.of("Tenant", "CreateTenantRequest", "UpdateTenantRequest")) {
      assertEquals(documented(schema, "company_size"), Choice.apiNames(TenantCompanySize.class), schema);
    }
  }

  @Test
  void userStatusIsTheDocumentsList() {
    assertEquals(documented("User", "status"), Choice.apiNames(UserStatus.class));
  }

  @Test
  void anAdminSetsOnlyTheStatusesTheUpdateSchemaLists() {
    assertEquals(documented("UpdateUserRequest", "status"), UpdateUserRequest.SETTABLE_STATUSES);
  }

  @Test
  void projectStatusIsTheDocumentsListInEverySchema() {
    for (String schema : List.of("Project", "UpdateProjectRequest")) {
      assertEquals(documented(schema, "status"), Choice.apiNames(ProjectStatus.class), schema);
    }
  }

  /**
   * The values of a schema's property (inline, a named enum schema or a nullable reference to one),
   * without the null a nullable property also allows; fails when it has none.
   */
  private static List<String> documented(String schema, String property) {
    return OpenApiChoices.ofProperty(document, schema, property);
  }
}
