package com.coditect.workflows.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The workflows' copy of tenancy's team rosters: entries per (team, user) and a deleted team's tombstone. */
@Singleton
public final class TeamRosterRepository extends ItemRepository<TeamRosterItem> {

  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();

  @Inject
  public TeamRosterRepository(SingleTable table) {
    super(table, TeamRosterItem.SCHEMA);
  }

  /**
   * The team's current members, in the order they joined the roster: a consistent Query of its
   * partition, read to the end (a team of a deleted team's tombstone has none).
   */
  public List<String> membersOf(TenantId tenant, String teamId) {
    QueryConditional team = QueryConditional.keyEqualTo(Key.builder()
        .partitionValue(WorkflowKeys.teamRosterPartition(tenant, teamId)).build());
    List<String> members = new ArrayList<>();
    for (TeamRosterItem entry : table.query(r -> r.queryConditional(team).consistentRead(true)).items()) {
      if (entry.userId() == null) {
        return List.of(); // the tombstone: the team is gone
      }
      if (Boolean.TRUE.equals(entry.member())) {
        members.add(entry.userId());
      }
    }
    return List.copyOf(members);
  }

  public static ItemMeta entryMeta(TenantId tenant, String teamId, String userId, String now) {
    return ItemMeta.created(Key.builder().partitionValue(WorkflowKeys.teamRosterPartition(tenant, teamId))
        .sortValue(WorkflowKeys.teamMemberSort(userId)).build(), TeamRosterItem.ENTITY, now);
  }

  public static ItemMeta tombstoneMeta(TenantId tenant, String teamId, String now) {
    return ItemMeta.created(tombstone(tenant, teamId), TeamRosterItem.ENTITY, now);
  }

  /** Writes an entry unless one as new as {@code entry.as_of} is there already ({@code onOutdated}). */
  public void writeEntry(WriteTransaction tx, TeamRosterItem entry, Supplier<? extends RuntimeException> onOutdated) {
    Expression olderOrAbsent = Expression.builder().expression("attribute_not_exists(PK) OR as_of < :as_of")
        .expressionValues(Map.of(":as_of", AttributeValue.fromS(entry.asOf()))).build();
    tx.include(table, entry, olderOrAbsent, onOutdated);
  }

  /** Checks, in a write, that the team has no tombstone; fails with {@code onDeleted}. */
  public void requireTeamNotDeleted(WriteTransaction tx, TenantId tenant, String teamId,
      Supplier<? extends RuntimeException> onDeleted) {
    tx.require(tombstone(tenant, teamId), ABSENT, onDeleted);
  }

  /** Writes the team's tombstone unless it has one ({@code onExists}): a deletion is final. */
  public void writeTombstone(WriteTransaction tx, TeamRosterItem tombstone, Supplier<? extends RuntimeException> onExists) {
    tx.include(table, tombstone, ABSENT, onExists);
  }

  private static Key tombstone(TenantId tenant, String teamId) {
    return Key.builder().partitionValue(WorkflowKeys.teamRosterPartition(tenant, teamId))
        .sortValue(WorkflowKeys.teamTombstoneSort()).build();
  }
}
