package com.coditect.tenancy.domain;

import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.tenancy.data.TeamMemberItem;
import com.coditect.tenancy.data.TeamRepository;
import com.coditect.tenancy.data.UserRepository;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Removes a deleted user from every team, in reaction to {@code user.deleted}: done by an event
 * consumer because the number of teams is unbounded, and a request's call count must not be. The
 * user's item decides, not the event: a user who is not deleted keeps every membership.
 */
@Singleton
public final class MembershipCleanup {

  private static final Actor ACTOR = Actor.system("membership-cleanup");

  private final UserRepository users;
  private final TeamRepository teams;
  private final Transactions transactions;
  private final Outbox outbox;

  @Inject
  MembershipCleanup(UserRepository users, TeamRepository teams, Transactions transactions, Outbox outbox) {
    this.users = users;
    this.teams = teams;
    this.transactions = transactions;
    this.outbox = outbox;
  }

  /**
   * If the user is deleted (or unknown), one transaction per membership (the removal with its
   * event). A membership already gone, as on a redelivered event, is skipped, so repeating this
   * changes nothing and emits nothing. A deleted user can join no team again (adding a member
   * checks the user is live), so nothing this removes can come back.
   *
   * @return how many memberships were removed
   */
  public int removeMembershipsOf(TenantId tenant, String userId) {
    if (!users.isGone(tenant, userId)) {
      return 0;
    }
    int removed = 0;
    for (TeamMemberItem membership : teams.listMembershipsOfUser(tenant, userId)) {
      WriteTransaction tx = transactions.begin();
      teams.removeMember(tx, tenant, membership.teamId(), userId, () -> new NotFoundException("already removed"));
      outbox.record(tx, tenant, ACTOR, "team.member_removed", "team", membership.teamId(),
          Map.of("member_user_id", new FieldChange(userId, null)));
      try {
        tx.commit();
        removed++;
      } catch (NotFoundException alreadyRemoved) {
        // Removed since the query (a concurrent DELETE or a redelivery): nothing left to do.
      }
    }
    return removed;
  }
}
