package com.coditect.tenancy.domain;

import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
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
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.api.CreateTeamRequest;
import com.coditect.tenancy.api.TeamMemberResponse;
import com.coditect.tenancy.api.TeamResponse;
import com.coditect.tenancy.api.TeamWithMembersResponse;
import com.coditect.tenancy.api.UpdateTeamRequest;
import com.coditect.tenancy.data.TeamItem;
import com.coditect.tenancy.data.TeamMemberItem;
import com.coditect.tenancy.data.TeamRepository;
import com.coditect.tenancy.data.TenancyKeys;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Teams and their memberships. */
@Singleton
public final class TeamService {

  private final TeamRepository teams;
  private final Transactions transactions;
  private final Outbox outbox;
  private final Clock clock;
  private final VersionedWriter writer;
  private final Resource<TeamItem, TeamResponse> resource;

  @Inject
  TeamService(TeamRepository teams, Transactions transactions, Outbox outbox, Clock clock, VersionedWriter writer) {
    this.teams = teams;
    this.transactions = transactions;
    this.outbox = outbox;
    this.clock = clock;
    this.writer = writer;
    this.resource = new Resource<>(teams, TeamResponse::from, t -> t.id, "team");
  }

  public ResultPage<TeamResponse> list(TenantId tenant, PageRequest page) {
    return teams.listByTenant(tenant, page).map(TeamResponse::from);
  }

  public Versioned<TeamWithMembersResponse> get(TenantId tenant, String teamId) {
    var found = teams.findLiveWithMembers(tenant, teamId).orElseThrow(TeamService::notFound);
    var members = found.members().stream().map(TeamMemberResponse::from).toList();
    return new Versioned<>(TeamWithMembersResponse.from(found.team(), members), found.team().version);
  }

  public Created<TeamResponse> create(TenantId tenant, Actor actor, CreateTeamRequest request, IdempotencyClaim claim) {
    String now = Timestamps.now(clock);
    TeamItem team = new TeamItem();
    team.id = Ids.newId();
    team.stampNew(TenancyKeys.team(tenant, team.id), TeamItem.ENTITY, now);
    team.name = request.name();
    team.description = request.description();
    TeamRepository.index(tenant, team);
    return writer.create(tenant, actor, resource, team, "/v1/teams/" + team.id, claim,
        tx -> tx.claimUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, team.name, team.id, "name"));
  }

  /** A rename moves the name sentinel in the same transaction. */
  public Versioned<TeamResponse> update(TenantId tenant, Actor actor, String teamId, Optional<Long> ifMatch,
      UpdateTeamRequest request) {
    TeamItem team = teams.findLive(tenant, teamId).orElseThrow(TeamService::notFound);
    return writer.update(tenant, actor, resource, team, ifMatch, "team.updated", t -> {
      t.name = request.name().orElse(t.name);
      t.description = request.description().orElse(t.description);
    }, (before, tx) -> {
      // A change of letter case only keeps the (case-insensitive) sentinel it already holds.
      if (!sameName(before.name(), team.name)) {
        tx.releaseUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, before.name())
            .claimUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, team.name, team.id, "name");
      }
    });
  }

  /**
   * Soft delete: the team leaves the lists and frees its name. Its memberships stay with the
   * deleted team; readers of "teams of a user" check that a team is live.
   */
  public void delete(TenantId tenant, Actor actor, String teamId, Optional<Long> ifMatch) {
    TeamItem team = teams.findLive(tenant, teamId).orElseThrow(TeamService::notFound);
    writer.softDelete(tenant, actor, resource, team, ifMatch, "team.deleted", t -> TeamRepository.index(tenant, t),
        tx -> tx.releaseUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, team.name));
  }

  /**
   * Idempotent PUT: the team and the membership are read together (one call); an existing
   * membership of a live team is returned as it is, a new one is written with checks that the
   * team and the user are still live members of this tenant.
   */
  public TeamMemberResponse addMember(TenantId tenant, Actor actor, String teamId, String userId) {
    var found = teams.findTeamAndMembership(tenant, teamId, userId);
    if (found.team().isEmpty()) {
      throw notFound();
    }
    if (found.membership().isPresent()) {
      return TeamMemberResponse.from(found.membership().get());
    }
    TeamMemberItem member = new TeamMemberItem();
    var key = TenancyKeys.membership(tenant, teamId, userId);
    member.pk = key.partitionKeyValue().s();
    member.sk = key.sortKeyValue().orElseThrow().s();
    member.entityType = TeamMemberItem.ENTITY;
    member.teamId = teamId;
    member.userId = userId;
    member.gsi1pk = TenancyKeys.teamsOfUser(tenant, userId);
    member.gsi1sk = teamId;
    member.createdAt = Timestamps.now(clock);
    TeamMemberResponse response = TeamMemberResponse.from(member);
    WriteTransaction tx = transactions.begin()
        .requireLive(TenancyKeys.team(tenant, teamId), TeamService::notFound)
        // The user is named by the path: one that is not this tenant's is simply not found.
        .requireLive(TenancyKeys.user(tenant, userId),
            () -> new NotFoundException("The user was not found."));
    teams.addMember(tx, member, () -> new ConflictException("The user was added to the team concurrently."));
    outbox.record(tx, tenant, actor, "team.member_added", "team", teamId,
        Map.of("member_user_id", new FieldChange(null, userId)));
    tx.commit();
    return response;
  }

  /**
   * A deleted team keeps its memberships, so the team must also be live: a condition check in the
   * same transaction, at no extra call.
   */
  public void removeMember(TenantId tenant, Actor actor, String teamId, String userId) {
    WriteTransaction tx = transactions.begin()
        .requireLive(TenancyKeys.team(tenant, teamId), TeamService::notFound);
    teams.removeMember(tx, tenant, teamId, userId, () -> new NotFoundException("The user is not a member of this team."));
    outbox.record(tx, tenant, actor, "team.member_removed", "team", teamId,
        Map.of("member_user_id", new FieldChange(userId, null)));
    tx.commit();
  }

  private static boolean sameName(String a, String b) {
    return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
  }

  private static NotFoundException notFound() {
    return new NotFoundException("The team was not found.");
  }
}
