package com.coditect.dms.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.domain.Choice;
import com.coditect.testing.OpenApiChoices;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The permission choice lists are the named enum schemas of docs/openapi.json that carry their
 * names, in the same order, and the permission schemas' properties reference them.
 */
class PermissionChoicesDocumentedTest {

  private static final JsonNode DOCUMENT = document();

  @Test
  void everyPermissionEnumIsItsNamedSchema() {
    for (Class<? extends Enum<?>> type : List.of(PermissionLevel.class, AccessSource.class, GrantRoute.class,
        AccessReason.class)) {
      assertEquals(names(type), OpenApiChoices.of(DOCUMENT, DOCUMENT.path("components").path("schemas")
          .path(type.getSimpleName())), type.getSimpleName());
    }
  }

  @Test
  void permissionPropertiesReferenceTheNamedSchemas() {
    for (String schema : List.of("Permission", "CreatePermissionRequest")) {
      assertEquals(names(PermissionLevel.class), OpenApiChoices.ofProperty(DOCUMENT, schema, "permission_level"),
          schema);
    }
    assertEquals(names(PermissionLevel.class), OpenApiChoices.ofProperty(DOCUMENT, "EffectivePermission", "level"));
    assertEquals(names(AccessReason.class), OpenApiChoices.ofProperty(DOCUMENT, "EffectivePermission", "because"));
    assertEquals(names(AccessSource.class), OpenApiChoices.ofProperty(DOCUMENT, "EffectivePermissionGrant", "source"));
    assertEquals(names(GrantRoute.class), OpenApiChoices.ofProperty(DOCUMENT, "EffectivePermissionGrant", "route"));
    assertEquals(names(PermissionLevel.class), OpenApiChoices.ofProperty(DOCUMENT, "EffectivePermissionGrant",
        "level"));
  }

  private static List<String> names(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(value -> ((Choice) value).apiName()).toList();
  }

  private static JsonNode document() {
    try {
      return new ObjectMapper().readTree(ProjectFiles.openApi().toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
