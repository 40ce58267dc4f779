package com.coditect.shared.store;

import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Keys of the items that other domains reference: the tenancy items (a task's assignee, its
 * project, the tenant's settings), the catalog's products (a subscription's) and orders (an
 * address's owner). Their own function owns these items; other functions only check them in their
 * transactions or read them.
 */
public final class CoreKeys {

  private CoreKeys() {}

  /** The tenant itself: {@code PK=T#<tenant>, SK=TENANT}. */
  public static Key tenant(TenantId tenant) {
    return Key.builder().partitionValue(Keys.tenant(tenant).build()).sortValue("TENANT").build();
  }

  /** A user: {@code PK=T#<tenant>#USER#<id>, SK=USER}. */
  public static Key user(TenantId tenant, String userId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("USER", userId).build()).sortValue("USER").build();
  }

  /** A team: {@code PK=T#<tenant>#TEAM#<id>, SK=TEAM}. */
  public static Key team(TenantId tenant, String teamId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("TEAM", teamId).build()).sortValue("TEAM").build();
  }

  /** A project: {@code PK=T#<tenant>#PROJECT#<id>, SK=PROJECT}. */
  public static Key project(TenantId tenant, String projectId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("PROJECT", projectId).build())
        .sortValue("PROJECT").build();
  }

  /** An order (commerce's): {@code PK=T#<tenant>#ORDER#<id>, SK=ORDER}. */
  public static Key order(TenantId tenant, String orderId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("ORDER", orderId).build()).sortValue("ORDER").build();
  }

  /** A product of the platform's catalog (commerce's): {@code PK=PLATFORM#PRODUCT#<id>, SK=PRODUCT}. */
  public static Key product(String productId) {
    return Key.builder().partitionValue(Keys.platform().with("PRODUCT", productId).build()).sortValue("PRODUCT").build();
  }

  /**
   * The platform's list of tenants, on GSI1 of each tenant item ({@code GSI1SK = <tenant id>}):
   * written by tenancy at tenant creation, paged by platform jobs (the monthly compliance reports).
   */
  public static String platformTenants() {
    return Keys.platform().with("TENANTS").build();
  }
}
