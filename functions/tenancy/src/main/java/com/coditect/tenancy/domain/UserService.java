package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Principal;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.api.CreateUserRequest;
import com.coditect.tenancy.api.UpdateMeRequest;
import com.coditect.tenancy.api.UpdateUserRequest;
import com.coditect.tenancy.api.UserResponse;
import com.coditect.tenancy.data.TenancyKeys;
import com.coditect.tenancy.data.UserItem;
import com.coditect.tenancy.data.UserRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.inject.Singleton;

/** A tenant's users: invitations, profiles, roles, deactivation. */
@Singleton
public final class UserService {

  public static final List<String> STATUSES = List.of("invited", "active", "disabled");

  private final UserRepository users;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<UserItem, UserResponse> resource;

  @Inject
  UserService(UserRepository users, Clock clock, VersionedWriter writer) {
    this.users = users;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(users, UserResponse::from, u -> u.id, "user");
  }

  public ResultPage<UserResponse> list(TenantId tenant, Optional<String> status, PageRequest page) {
    ResultPage<UserItem> items = status.isPresent()
        ? users.listByStatus(tenant, status.get(), page)
        : users.listByTenant(tenant, page);
    return items.map(UserResponse::from);
  }

  public Versioned<UserResponse> get(TenantId tenant, String userId) {
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    return new Versioned<>(UserResponse.from(user), user.version);
  }

  /** Invites a user; only an owner may invite another owner. */
  public Created<UserResponse> invite(TenantId tenant, Actor actor, Role callerRole, CreateUserRequest request,
      IdempotencyClaim claim) {
    if (request.role() == Role.OWNER && callerRole != Role.OWNER) {
      throw new ForbiddenException("Only an owner may invite another owner.");
    }
    UserItem user = new UserItem();
    user.id = Ids.newId();
    user.email = request.email();
    user.name = request.name();
    user.role = request.role().apiName();
    user.status = "invited";
    stamp(tenant, user, Timestamps.now(clock));
    return writer.create(tenant, actor, resource, user, "/v1/users/" + user.id, claim,
        tx -> tx.claimUnique(tenant, TenancyKeys.UNIQUE_USER_EMAIL, user.email, user.id, "email"));
  }

  /** The caller's own profile. */
  public Versioned<UserResponse> updateMe(TenantId tenant, Actor actor, String userId, Optional<Long> ifMatch,
      UpdateMeRequest request) {
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    return writer.update(tenant, actor, resource, user, ifMatch, "user.updated", u -> {
      u.name = request.name().orElse(u.name);
      u.phoneNumber = request.phoneNumber().orElse(u.phoneNumber);
      u.avatarUrl = request.avatarUrl().orElse(u.avatarUrl);
      u.timezone = request.timezone().orElse(u.timezone);
      u.language = request.language().orElse(u.language);
      if (request.notificationPreferences().isPresent()) {
        // Settings merge: a PATCH names only the channels it changes.
        Map<String, Boolean> merged = new TreeMap<>(u.notificationPreferences == null
            ? Map.of() : u.notificationPreferences);
        merged.putAll(request.notificationPreferences().value());
        u.notificationPreferences = merged;
      }
    });
  }

  /**
   * An admin's change to a user. Nobody changes their own role or status (no self-lockout), and
   * only an owner may touch an owner or make someone one. Role changes emit {@code user.role_changed}.
   */
  public Versioned<UserResponse> update(TenantId tenant, Actor actor, Principal caller, String userId,
      Optional<Long> ifMatch, UpdateUserRequest request) {
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    boolean roleOrStatus = request.role().isPresent() || request.status().isPresent();
    if (roleOrStatus && user.id.equals(caller.userId())) {
      throw UnprocessableException.forField(request.role().isPresent() ? "role" : "status",
          "you cannot change your own role or status; ask another owner or admin");
    }
    requireOwnerForOwners(caller, user, request.role().orElse(null));
    String action = request.role().isPresent() && !request.role().value().equals(user.role)
        ? "user.role_changed" : "user.updated";
    return writer.update(tenant, actor, resource, user, ifMatch, action, u -> {
      u.name = request.name().orElse(u.name);
      u.role = request.role().orElse(u.role);
      u.status = request.status().orElse(u.status);
      UserRepository.index(tenant, u);
    });
  }

  /** Soft delete: the user disappears from lists, can no longer act, and the email is free again. */
  public void delete(TenantId tenant, Actor actor, Principal caller, String userId, Optional<Long> ifMatch) {
    UserItem user = users.findLive(tenant, userId).orElseThrow(UserService::notFound);
    if (user.id.equals(caller.userId())) {
      throw UnprocessableException.forField("user_id", "you cannot delete yourself");
    }
    requireOwnerForOwners(caller, user, null);
    writer.softDelete(tenant, actor, resource, user, ifMatch, "user.deleted", u -> {
      u.status = "disabled";
      UserRepository.index(tenant, u);
    }, tx -> tx.releaseUnique(tenant, TenancyKeys.UNIQUE_USER_EMAIL, user.email));
  }

  /** Sets keys, type, first version, timestamps and list placement of a new user. */
  static void stamp(TenantId tenant, UserItem user, String now) {
    user.stampNew(TenancyKeys.user(tenant, user.id), UserItem.ENTITY, now);
    UserRepository.index(tenant, user);
  }

  private static void requireOwnerForOwners(Principal caller, UserItem target, String newRole) {
    boolean touchesOwner = Role.OWNER.apiName().equals(target.role) || Role.OWNER.apiName().equals(newRole);
    if (touchesOwner && caller.tenantRole() != Role.OWNER) {
      throw new ForbiddenException("Only an owner may change an owner or grant the owner role.");
    }
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The user was not found.");
  }
}
