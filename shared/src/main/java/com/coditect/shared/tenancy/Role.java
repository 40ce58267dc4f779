package com.coditect.shared.tenancy;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A user's role in their tenant. {@code owner > admin > member > viewer} is a ladder; {@code billing}
 * and {@code auditor} are side roles that only see what their routes grant them.
 */
public enum Role {
  OWNER, ADMIN, MEMBER, VIEWER, BILLING, AUDITOR;

  /** The API spelling of every role, in declaration order. */
  public static final List<String> NAMES =
      Arrays.stream(values()).map(Role::apiName).toList();

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromApiName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (Role role : values()) {
      if (role.apiName().equals(name)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }

  /** Owner or admin: may manage the tenant's users, teams and settings. */
  public boolean isAdmin() {
    return this == OWNER || this == ADMIN;
  }
}
