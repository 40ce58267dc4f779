package com.coditect.tenancy.data;

import com.coditect.shared.store.CoreKeys;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;
import com.coditect.tenancy.model.ProjectStatus;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the tenancy items, built in one place. Layout (see docs/access-patterns.md):
 *
 * <pre>
 * item        PK                          SK              GSI1PK / GSI1SK                       GSI2PK / GSI2SK
 * tenant      T#t                         TENANT          PLATFORM#TENANTS / t                  -
 * user        T#t#USER#u                  USER            T#t#USERS[#DELETED] / u               T#t#USERS#STATUS#s / u
 * team        T#t#TEAM#m                  TEAM            T#t#TEAMS[#DELETED] / m               -
 * membership  T#t#TEAM#m                  MEMBER#u        T#t#USER#u#TEAMS / m                  -
 * project     T#t#PROJECT#p               PROJECT         T#t#PROJECTS[#DELETED] / p            T#t#PROJECTS#STATUS#s / p
 * </pre>
 * Ids are UUIDv7, so every list sorted by id is sorted by creation time.
 */
public final class TenancyKeys {

  public static final String TENANT = "TENANT";
  public static final String USER = "USER";
  public static final String TEAM = "TEAM";
  public static final String MEMBER = "MEMBER";
  public static final String PROJECT = "PROJECT";

  /** Uniqueness kinds for sentinels. */
  public static final String UNIQUE_TENANT_SLUG = "TENANT_SLUG";
  public static final String UNIQUE_USER_EMAIL = "USER_EMAIL";
  public static final String UNIQUE_TEAM_NAME = "TEAM_NAME";
  public static final String UNIQUE_PROJECT_KEY = "PROJECT_KEY";

  private TenancyKeys() {}

  public static Key tenant(TenantId tenant) {
    return CoreKeys.tenant(tenant);
  }

  public static Key user(TenantId tenant, String userId) {
    return CoreKeys.user(tenant, userId);
  }

  public static String users(TenantId tenant, boolean deleted) {
    return collection(tenant, "USERS", deleted);
  }

  public static String usersWithStatus(TenantId tenant, UserStatus status) {
    return Keys.tenant(tenant).with("USERS").with("STATUS", status.apiName()).build();
  }

  public static String teamPartition(TenantId tenant, String teamId) {
    return Keys.tenant(tenant).with(TEAM, teamId).build();
  }

  public static Key team(TenantId tenant, String teamId) {
    return Key.builder().partitionValue(teamPartition(tenant, teamId)).sortValue(TEAM).build();
  }

  public static String teams(TenantId tenant, boolean deleted) {
    return collection(tenant, "TEAMS", deleted);
  }

  public static Key membership(TenantId tenant, String teamId, String userId) {
    return Key.builder().partitionValue(teamPartition(tenant, teamId)).sortValue(Keys.of(MEMBER, userId)).build();
  }

  public static String teamsOfUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with(USER, userId).with("TEAMS").build();
  }

  public static Key project(TenantId tenant, String projectId) {
    return CoreKeys.project(tenant, projectId);
  }

  public static String projects(TenantId tenant, boolean deleted) {
    return collection(tenant, "PROJECTS", deleted);
  }

  public static String projectsWithStatus(TenantId tenant, ProjectStatus status) {
    return Keys.tenant(tenant).with("PROJECTS").with("STATUS", status.apiName()).build();
  }

  // Soft-deleted items move to a sibling collection, so live lists never page over them.
  private static String collection(TenantId tenant, String name, boolean deleted) {
    Keys keys = Keys.tenant(tenant).with(name);
    return deleted ? keys.with("DELETED").build() : keys.build();
  }
}
