package com.coditect.workflows.domain;

import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.workflows.data.TeamRosterItem;
import com.coditect.workflows.data.TeamRosterRepository;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Keeps the workflows' copy of team rosters ({@link TeamRosterItem}, read when an approval step
 * names teams) in step with tenancy's events, never reading tenancy's items:
 * {@code team.member_added}, {@code team.member_removed} and {@code team.deleted}.
 *
 * <p>Events may arrive twice or out of order. Each (team, user) entry keeps the {@code occurred_at}
 * of the newest event applied to it, and an event no newer changes nothing (one conditional
 * write, no read): a removal that overtook the addition before it leaves the user out. A deleted
 * team's tombstone is final, as in tenancy: no later-delivered addition brings the team back, and a
 * roster with a tombstone has no members.
 */
@Singleton
public final class TeamMembershipSync {

  private final TeamRosterRepository rosters;
  private final Transactions transactions;
  private final Clock clock;

  @Inject
  TeamMembershipSync(TeamRosterRepository rosters, Transactions transactions, Clock clock) {
    this.rosters = rosters;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** @return true when it changed what the workflows know */
  public boolean memberAdded(TenantId tenant, String teamId, String userId, String occurredAt) {
    WriteTransaction tx = transactions.begin();
    rosters.writeEntry(tx, entry(tenant, teamId, userId, true, occurredAt), Unchanged::new);
    rosters.requireTeamNotDeleted(tx, tenant, teamId, Unchanged::new);
    return commit(tx);
  }

  /** @return true when it changed what the workflows know */
  public boolean memberRemoved(TenantId tenant, String teamId, String userId, String occurredAt) {
    WriteTransaction tx = transactions.begin();
    rosters.writeEntry(tx, entry(tenant, teamId, userId, false, occurredAt), Unchanged::new);
    return commit(tx);
  }

  /** @return true when it marked the team deleted (false: it was already) */
  public boolean teamDeleted(TenantId tenant, String teamId, String occurredAt) {
    WriteTransaction tx = transactions.begin();
    rosters.writeTombstone(tx, TeamRosterItem.builder()
        .meta(TeamRosterRepository.tombstoneMeta(tenant, teamId, Timestamps.now(clock)))
        .teamId(teamId).member(false).asOf(occurredAt).build(), Unchanged::new);
    return commit(tx);
  }

  private TeamRosterItem entry(TenantId tenant, String teamId, String userId, boolean member, String occurredAt) {
    return TeamRosterItem.builder().meta(TeamRosterRepository.entryMeta(tenant, teamId, userId, Timestamps.now(clock)))
        .teamId(teamId).userId(userId).member(member).asOf(occurredAt).build();
  }

  private static boolean commit(WriteTransaction tx) {
    try {
      tx.commit();
      return true;
    } catch (Unchanged outdated) {
      // Something as new was applied already, or the team is gone. (A concurrent write of the same
      // entry throws instead, and the event's redelivery applies it.)
      return false;
    }
  }

  /** A condition of the write failed: nothing to change. */
  private static final class Unchanged extends RuntimeException {
    Unchanged() {
      super(null, null, false, false);
    }
  }
}
