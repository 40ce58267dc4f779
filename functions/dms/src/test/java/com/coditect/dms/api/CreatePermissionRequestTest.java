package com.coditect.dms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreatePermissionRequestTest {

  private static final String USER = "01a23c95-e517-7150-acb4-5919bc8d04c0";
  private static final String TEAM = "01a23c95-f1e2-7d3c-9b4a-5e6f7a8b9c0d";

  @Test
  void readsAGrantToAUserOrATeam() {
    CreatePermissionRequest toUser = parse("{\"user_id\":\"" + USER + "\",\"permission_level\":\"delete\","
        + "\"expires_at\":\"2027-01-31T18:00:00+01:00\"}");
    assertEquals(USER, toUser.userId());
    assertNull(toUser.teamId());
    assertEquals(PermissionLevel.DELETE, toUser.permissionLevel());
    assertEquals("2027-01-31T17:00:00.000Z", toUser.expiresAt(), "kept in the platform's UTC form");
    CreatePermissionRequest toTeam = parse("{\"team_id\":\"" + TEAM + "\",\"user_id\":null,\"permission_level\":\"view\"}");
    assertEquals(TEAM, toTeam.teamId());
    assertNull(toTeam.userId());
    assertNull(toTeam.expiresAt());
  }

  @Test
  void needsExactlyOnePrincipalAndNamesTheField() {
    // Each field well-formed, but not exactly one principal: 422.
    assertEquals(List.of("user_id"), unprocessable("{\"permission_level\":\"view\"}"));
    assertEquals(List.of("user_id"), unprocessable("{\"user_id\":null,\"team_id\":null,\"permission_level\":\"view\"}"));
    assertEquals(List.of("team_id"), unprocessable("{\"user_id\":\"" + USER + "\",\"team_id\":\"" + TEAM
        + "\",\"permission_level\":\"view\"}"));
  }

  @Test
  void refusesBadValuesAndFieldsItDoesNotTake() {
    assertEquals(List.of("permission_level"), fields("{\"user_id\":\"" + USER + "\",\"permission_level\":\"owner\"}"));
    assertEquals(List.of("team_id"), fields("{\"team_id\":\"red\",\"permission_level\":\"view\"}"));
    assertEquals(List.of("expires_at"), fields("{\"user_id\":\"" + USER + "\",\"permission_level\":\"view\","
        + "\"expires_at\":\"tomorrow\"}"));
    assertEquals(List.of("folder_id"), fields("{\"user_id\":\"" + USER + "\",\"permission_level\":\"view\","
        + "\"folder_id\":\"" + TEAM + "\"}"));
  }

  private static CreatePermissionRequest parse(String json) {
    return CreatePermissionRequest.from(Json.readTree(json));
  }

  private static List<String> unprocessable(String json) {
    UnprocessableException refused = assertThrows(UnprocessableException.class, () -> parse(json));
    return refused.errors().stream().map(FieldError::field).toList();
  }

  private static List<String> fields(String json) {
    BadRequestException refused = assertThrows(BadRequestException.class, () -> parse(json));
    return refused.errors().stream().map(FieldError::field).toList();
  }
}
