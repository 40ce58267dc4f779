package com.coditect.dms.domain;

import com.coditect.dms.data.MemberTeamsItem;
import com.coditect.dms.data.MembershipRepository.Pair;
import com.coditect.dms.data.MembershipRepository;
import com.coditect.dms.data.TeamRosterItem;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Keeps DMS's copy of team membership ({@link MemberTeamsItem}: a user's teams, read whenever
 * access is decided) in step with tenancy's events, never reading tenancy's items:
 * {@code team.member_added}, {@code team.member_removed} and {@code team.deleted}. A deleted user
 * needs nothing of its own: tenancy removes them from each of their teams, with one
 * {@code team.member_removed} each.
 *
 * <p>Events may arrive twice or out of order. Each (team, user) pair keeps, in its roster entry,
 * the {@code occurred_at} of the newest event applied to it, and an event no newer changes nothing:
 * a removal that overtook the addition before it leaves the user out. A deleted team (its roster's
 * tombstone) is final, as it is in tenancy: no later-delivered addition brings it back. Every change is one transaction (the roster entry
 * and the user's teams, conditional on what was read), retried when a concurrent event changed them.
 */
@Singleton
public final class TeamMembershipSync {

  static final int ATTEMPTS = 5;

  private final MembershipRepository memberships;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  TeamMembershipSync(MembershipRepository memberships, Transactions transactions, Clock clock) {
    this.memberships = memberships;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @return true when it changed what DMS knows */
  public boolean memberAdded(TenantId tenant, String teamId, String userId, String occurredAt) {
    return apply(tenant, teamId, userId, true, occurredAt, false);
  }

  /** @return true when it changed what DMS knows */
  public boolean memberRemoved(TenantId tenant, String teamId, String userId, String occurredAt) {
    return apply(tenant, teamId, userId, false, occurredAt, false);
  }

  /**
   * Marks the team deleted, then takes it out of each member's teams: a Query of its roster and a
   * read and a transaction per member. A redelivery finds nothing left to do.
   *
   * @return how many members left the team
   */
  public int teamDeleted(TenantId tenant, String teamId, String occurredAt) {
    WriteTransaction tx = transactions.begin();
    memberships.writeTombstone(tx, TeamRosterItem.builder()
        .meta(MembershipRepository.tombstoneMeta(tenant, teamId, Timestamps.now(clock)))
        .teamId(teamId).member(false).asOf(occurredAt).build(), Unchanged::new);
    try {
      tx.commit();
    } catch (Unchanged alreadyDeleted) {
      // Deleted before (a redelivery): the members below may still need removing, if that was cut short.
    }
    int removed = 0;
    for (TeamRosterItem entry : memberships.rosterOf(tenant, teamId)) {
      if (Boolean.TRUE.equals(entry.member())
          && apply(tenant, teamId, entry.userId(), false, occurredAt, true)) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Applies "the user is (not) a member as of {@code occurredAt}" to the pair's roster entry and the
   * user's teams, unless something as new was applied already or the team or the user is gone.
   */
  private boolean apply(TenantId tenant, String teamId, String userId, boolean member, String occurredAt,
      boolean teamDeleting) {
    for (int attempt = 1; ; attempt++) {
      Pair read = memberships.read(tenant, teamId, userId);
      // A deleted team's members leave it whatever the entries say: the tombstone is already final.
      boolean outdated = !teamDeleting && read.entry().map(e -> e.asOf().compareTo(occurredAt) >= 0).orElse(false);
      if (outdated || (member && read.teamDeleted())) {
        return false;
      }
      String now = Timestamps.now(clock);
      MemberTeamsItem teams = read.teams().orElseGet(() -> MemberTeamsItem.builder()
          .meta(MembershipRepository.memberTeamsMeta(tenant, userId, now)).userId(userId).teamIds(List.of()).build());
      List<String> teamIds = new ArrayList<>(teams.teamIds());
      teamIds.remove(teamId);
      if (member) {
        teamIds.add(teamId);
      }
      WriteTransaction tx = transactions.begin();
      String asOf = read.entry().map(e -> later(e.asOf(), occurredAt)).orElse(occurredAt);
      TeamRosterItem entry = TeamRosterItem.builder()
          .meta(MembershipRepository.rosterEntryMeta(tenant, teamId, userId, now))
          .teamId(teamId).userId(userId).member(member).asOf(asOf).build();
      if (teamDeleting) {
        memberships.writeFinalEntry(tx, entry);
      } else {
        memberships.writeEntry(tx, entry, Changed::new);
      }
      MemberTeamsItem changed = teams.withTeamIds(teamIds);
      memberships.writeTeams(tx, read.teams().isPresent() ? changed.nextVersion(now) : changed,
          read.teams().map(MemberTeamsItem::version).orElse(null), Changed::new);
      if (member && !teamDeleting) {
        memberships.requireTeamNotDeleted(tenant, tx, teamId, Changed::new);
      }
      try {
        tx.commit();
        return true;
      } catch (Changed e) {
        // Another event about this user or pair got in first: read again and decide again.
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static String later(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** A condition of the transaction failed: something changed since the read. */
  private static final class Changed extends RuntimeException {
    Changed() {
      super("membership changed concurrently", null, false, false);
    }
  }

  /** The item was there already. */
  private static final class Unchanged extends RuntimeException {
    Unchanged() {
      super(null, null, false, false);
    }
  }
}
