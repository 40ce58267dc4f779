package com.coditect.dms.api;

import com.coditect.dms.model.PermissionLevel;
import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /v1/documents/{document_id}/permissions} and {@code POST /v1/folders/{folder_id}/permissions}:
 * a grant to exactly one user or one team (the target is the path's), at a level, optionally until
 * {@code expires_at} (an instant with an offset; that it lies ahead is the service's rule, 422).
 */
public record CreatePermissionRequest(String userId, String teamId, PermissionLevel permissionLevel, String expiresAt) {

  public static CreatePermissionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    String userId = fields.optionalUuid("user_id");
    String teamId = fields.optionalUuid("team_id");
    PermissionLevel level = fields.requiredChoice("permission_level", PermissionLevel.class);
    String expiresAt = fields.optionalTimestamp("expires_at");
    boolean userGiven = body.hasNonNull("user_id");
    boolean teamGiven = body.hasNonNull("team_id");
    fields.finish();
    // Each field well-formed, but a grant is to exactly one principal: 422, as the schema cannot say it.
    if (userGiven && teamGiven) {
      throw notOnePrincipal("team_id", "must be absent when user_id is given: a grant is to one user or one team");
    } else if (!userGiven && !teamGiven) {
      throw notOnePrincipal("user_id", "is required unless team_id is given");
    }
    return new CreatePermissionRequest(userId, teamId, level, expiresAt);
  }

  private static UnprocessableException notOnePrincipal(String field, String message) {
    return new UnprocessableException(field + " " + message + ".", List.of(new FieldError(field, message)));
  }
}
