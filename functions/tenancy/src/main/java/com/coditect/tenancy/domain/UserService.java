package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.shared.tenancy.UserStatus;
import com.coditect.tenancy.api.CreateUserRequest;
import com.coditect.tenancy.api.UpdateMeRequest;
import com.coditect.tenancy.api.UpdateUserRequest;
import com.coditect.tenancy.api.UserFilters;
import com.coditect.tenancy.api.UserResponse;
import com.coditect.tenancy.data.UserItem;
import com.coditect.tenancy.data.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A tenant's users: invitations, profiles, roles, deactivation. */
@Singleton
public final class UserService {

  private final UserRepository users;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<UserItem, UserResponse> resource;

  @Inject
  UserService(UserRepository users, Clock clock, VersionedWriter writer) {
    this.users = users;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(users, UserResponse::from, UserItem::id, "user");
  }

  public ResultPage<UserResponse> list(Caller caller, UserFilters filters, PageRequest page) {
    TenantId tenant = caller.tenantId();
    ResultPage<UserItem> items = filters.status().isPresent()
        ? users.listByStatus(tenant, filters.status().get(), page)
        : users.listByTenant(tenant, page);
    return items.map(UserResponse::from);
  }

  public Versioned<UserResponse> get(Caller caller, String userId) {
    UserItem user = users.findLive(caller.tenantId(), userId).orElseThrow(UserService::notFound);
    return new Versioned<>(UserResponse.from(user), user.version());
  }

  /** Invites a user; only an owner may invite another owner. */
  public Created<UserResponse> invite(Caller caller, CreateUserRequest request, IdempotencyClaim claim) {
    if (request.role() == Role.OWNER && caller.role() != Role.OWNER) {
      throw new ForbiddenException("Only an owner may invite another owner.");
    }
    TenantId tenant = caller.tenantId();
    String id = Ids.newId();
    UserItem user = UserRepository.indexed(tenant, UserItem.builder()
        .meta(UserRepository.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .email(request.email())
        .name(request.name())
        .role(request.role().apiName())
        .status(UserStatus.INVITED)
        .build());
    return writer.create(tenant, caller.actor(), resource, user, "/v1/users/" + id, claim,
        tx -> users.claimEmail(tx, tenant, user.email(), id, "email"));
  }

  /** The caller's own profile. */
  public Versioned<UserResponse> updateMe(Caller caller, Optional<Long> ifMatch, UpdateMeRequest request) {
    TenantId tenant = caller.tenantId();
    UserItem user = users.findLive(tenant, caller.userId()).orElseThrow(UserService::notFound);
    return writer.update(tenant, caller.actor(), resource, user, ifMatch, "user.updated", u -> {
      UserItem changed = u
          .withName(request.name().orElse(u.name()))
          .withAvatarUrl(request.avatarUrl().orElse(u.avatarUrl()))
          .withTimezone(request.timezone().orElse(u.timezone()))
          .withLanguage(request.language().orElse(u.language()));
      if (request.notificationPreferences().isPresent()) {
        // Settings merge: a PATCH names only the channels it changes.
        Map<String, Boolean> merged = new TreeMap<>(u.notificationPreferences() == null
            ? Map.of() : u.notificationPreferences());
        merged.putAll(request.notificationPreferences().value());
        changed = changed.withNotificationPreferences(merged);
      }
      return changed;
    });
  }

  /**
   * An admin's change to a user. Nobody changes their own role or status (no self-lockout), and
   * only an owner may touch an owner or make someone one. Role changes emit {@code user.role_changed}.
   */
  public Versioned<UserResponse> update(Caller caller, String userId, Optional<Long> ifMatch,
      UpdateUserRequest request) {
    TenantId tenant = caller.tenantId();
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    boolean roleOrStatus = request.role().isPresent() || request.status().isPresent();
    if (roleOrStatus && user.id().equals(caller.userId())) {
      throw UnprocessableException.forField(request.role().isPresent() ? "role" : "status",
          "you cannot change your own role or status; ask another owner or admin");
    }
    requireOwnerForOwners(caller, user, request.role().orElse(null));
    String action = request.role().isPresent() && !request.role().value().equals(user.role())
        ? "user.role_changed" : "user.updated";
    return writer.update(tenant, caller.actor(), resource, user, ifMatch, action,
        u -> UserRepository.indexed(tenant, u
            .withName(request.name().orElse(u.name()))
            .withRole(request.role().orElse(u.role()))
            .withStatus(request.status().orElse(u.status()))));
  }

  /** Soft delete: the user disappears from lists, can no longer act, and the email is free again. */
  public void delete(Caller caller, String userId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    if (user.id().equals(caller.userId())) {
      throw UnprocessableException.forField("user_id", "you cannot delete yourself");
    }
    requireOwnerForOwners(caller, user, null);
    writer.softDelete(tenant, caller.actor(), resource, user, ifMatch, "user.deleted",
        u -> UserRepository.indexed(tenant, u.withStatus(UserStatus.DISABLED)),
        tx -> users.releaseEmail(tx, tenant, user.email()));
  }

  private static void requireOwnerForOwners(Caller caller, UserItem target, String newRole) {
    boolean touchesOwner = Role.OWNER.apiName().equals(target.role()) || Role.OWNER.apiName().equals(newRole);
    if (touchesOwner && caller.role() != Role.OWNER) {
      throw new ForbiddenException("Only an owner may change an owner or grant the owner role.");
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The user was not found.");
  }
}
