package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.api.CreateTeamRequest;
import com.coditect.tenancy.api.TeamMemberResponse;
import com.coditect.tenancy.api.TeamResponse;
import com.coditect.tenancy.api.TeamWithMembersResponse;
import com.coditect.tenancy.api.UpdateTeamRequest;
import com.coditect.tenancy.data.TeamItem;
import com.coditect.tenancy.data.TeamMemberItem;
import com.coditect.tenancy.data.TeamRepository;
import com.coditect.tenancy.data.UserRepository;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Teams and their memberships. */
@Singleton
public final class TeamService {

  private final TeamRepository teams;
  private final UserRepository users;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<TeamItem, TeamResponse> resource;

  @Inject
  TeamService(TeamRepository teams, UserRepository users, Transactions transactions, Outbox outbox, Clock clock,
      VersionedWriter writer) {
    this.teams = teams;
    this.users = users;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(teams, TeamResponse::from, TeamItem::id, "team");
  }

  public ResultPage<TeamResponse> list(Caller caller, PageRequest page) {
    return teams.listByTenant(caller.tenantId(), page).map(TeamResponse::from);
  }

  public Versioned<TeamWithMembersResponse> get(Caller caller, String teamId) {
    var found = teams.findLiveWithMembers(caller.tenantId(), teamId).orElseThrow(TeamService::notFound);
    var members = found.members().stream().map(TeamMemberResponse::from).toList();
    return new Versioned<>(TeamWithMembersResponse.from(found.team(), members), found.team().version());
  }

  public Created<TeamResponse> create(Caller caller, CreateTeamRequest request, IdempotencyClaim claim) {
    TenantId tenant = caller.tenantId();
    String id = Ids.newId();
    TeamItem team = TeamRepository.indexed(tenant, TeamItem.builder()
        .meta(TeamRepository.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .name(request.name())
        .description(request.description())
        .build());
    return writer.create(tenant, caller.actor(), resource, team, "/v1/teams/" + id, claim,
        tx -> teams.claimName(tx, tenant, team.name(), id));
  }

  /** A rename moves the name sentinel in the same transaction. */
  public Versioned<TeamResponse> update(Caller caller, String teamId, Optional<Long> ifMatch,
      UpdateTeamRequest request) {
    TenantId tenant = caller.tenantId();
    TeamItem team = teams.findLive(tenant, teamId).orElseThrow(TeamService::notFound);
    return writer.update(tenant, caller.actor(), resource, team, ifMatch, "team.updated",
        t -> t.withName(request.name().orElse(t.name())).withDescription(request.description().orElse(t.description())),
        (changed, tx) -> teams.moveName(tx, tenant, team.name(), changed.name(), team.id()));
  }

  /**
   * Soft delete: the team leaves the lists and frees its name. Its memberships stay with the
   * deleted team; readers of "teams of a user" check that a team is live.
   */
  public void delete(Caller caller, String teamId, Optional<Long> ifMatch) {
    TenantId tenant = caller.tenantId();
    TeamItem team = teams.findLive(tenant, teamId).orElseThrow(TeamService::notFound);
    writer.softDelete(tenant, caller.actor(), resource, team, ifMatch, "team.deleted",
        t -> TeamRepository.indexed(tenant, t), tx -> teams.releaseName(tx, tenant, team.name()));
  }

  /**
   * Idempotent PUT: the team and the membership are read together (one call); an existing
   * membership of a live team is returned as it is, a new one is written with checks that the
   * team and the user are still live members of this tenant.
   */
  public TeamMemberResponse addMember(Caller caller, String teamId, String userId) {
    TenantId tenant = caller.tenantId();
    var found = teams.findTeamAndMembership(tenant, teamId, userId);
    if (found.team().isEmpty()) {
      throw notFound();
    }
    if (found.membership().isPresent()) {
      return TeamMemberResponse.from(found.membership().get());
    }
    TeamMemberItem member = TeamRepository.newMembership(tenant, teamId, userId, Timestamps.now(clock));
    TeamMemberResponse response = TeamMemberResponse.from(member);
    WriteTransaction tx = transactions.begin();
    teams.requireLive(tx, tenant, teamId, TeamService::notFound);
    // The user is named by the path: one that is not this tenant's is simply not found.
    users.requireLive(tx, tenant, userId, () -> new NotFoundException("The user was not found."));
    teams.addMember(tx, member, () -> new ConflictException("The user was added to the team concurrently."));
    outbox.record(tx, tenant, caller.actor(), "team.member_added", "team", teamId,
        Map.of("member_user_id", new FieldChange(null, userId)));
    tx.commit();
    return response;
  }

  /**
   * A deleted team keeps its memberships, so the team must also be live: a condition check in the
   * same transaction, at no extra call.
   */
  public void removeMember(Caller caller, String teamId, String userId) {
    TenantId tenant = caller.tenantId();
    WriteTransaction tx = transactions.begin();
    teams.requireLive(tx, tenant, teamId, TeamService::notFound);
    teams.removeMember(tx, tenant, teamId, userId, () -> new NotFoundException("The user is not a member of this team."));
    outbox.record(tx, tenant, caller.actor(), "team.member_removed", "team", teamId,
        Map.of("member_user_id", new FieldChange(userId, null)));
    tx.commit();
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The team was not found.");
  }
}
