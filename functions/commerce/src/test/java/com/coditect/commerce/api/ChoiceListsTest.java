package com.coditect.commerce.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.commerce.model.CartStatus;
import com.coditect.commerce.model.OrderStatus;
import com.coditect.commerce.model.ProductInterval;
import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commerce enums spell exactly the values of the OpenAPI document, in its order. */
class ChoiceListsTest {

  @Test
  void productIntervalIsTheDocumentsListInEverySchema() throws IOException {
    JsonNode document = new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    for (String schema : List.of("Product", "CreateProductRequest", "UpdateProductRequest")) {
      assertEquals(OpenApiChoices.ofProperty(document, schema, "interval"), Choice.apiNames(ProductInterval.class), schema);
    }
  }

  @Test
  void cartStatusIsTheDocumentsList() throws IOException {
    JsonNode document = new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    assertEquals(OpenApiChoices.ofProperty(document, "Cart", "status"), Choice.apiNames(CartStatus.class));
  }

  @Test
  void orderStatusIsTheDocumentsList() throws IOException {
    JsonNode document = new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    assertEquals(OpenApiChoices.ofProperty(document, "Order", "status"), Choice.apiNames(OrderStatus.class));
  }
}
