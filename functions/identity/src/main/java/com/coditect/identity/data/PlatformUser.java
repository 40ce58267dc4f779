package com.coditect.identity.data;

import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;

/** What the pool mirrors of one platform user; {@code status} is null when the item has none this code knows. */
public record PlatformUser(TenantId tenant, String id, String email, String name, String role, UserStatus status,
    boolean deleted) {}
