package com.coditect.dms.api;

import com.coditect.shared.json.JsonFields;
import com.coditect.shared.json.Patch;

/** Field rules shared by creating and changing a share link. */
public final class ShareFields {

  /** Longer passwords add nothing to a hash; the bound keeps a request from costing much to hash. */
  public static final int PASSWORD_MAX = 256;
  public static final int MAX_ACCESS_COUNT = 1_000_000;

  private ShareFields() {}

  /** Absent or null -> no password; otherwise 1 to 256 characters, not only white space. */
  static String password(JsonFields fields) {
    String password = fields.optionalString("password", PASSWORD_MAX);
    if (password != null && password.isBlank()) {
      fields.error("password", "must not be blank");
    }
    return password;
  }

  /** A new password, or null to remove it. */
  static Patch<String> patchPassword(JsonFields fields) {
    Patch<String> password = fields.patchString("password", PASSWORD_MAX, true);
    if (password.isPresent() && password.value() != null && password.value().isBlank()) {
      fields.error("password", "must not be blank");
    }
    return password;
  }
}
