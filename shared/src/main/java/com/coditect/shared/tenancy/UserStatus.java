package com.coditect.shared.tenancy;

import com.coditect.shared.domain.Choice;

/**
 * A user's account status: a new user is invited; an admin sets active or disabled (a deleted user
 * is disabled). Beside {@link Role} in shared, as it is for the same reason: the tenancy function writes
 * it, and the identity function reads it to decide who may sign in.
 */
public enum UserStatus implements Choice {
  INVITED, ACTIVE, DISABLED
}
