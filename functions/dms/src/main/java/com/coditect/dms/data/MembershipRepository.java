package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.UniqueItem;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Team membership as DMS keeps it: each user's teams ({@link MemberTeamsItem}, read whenever access
 * is decided) and each team's roster ({@link TeamRosterItem}), written together so they agree.
 */
@Singleton
public final class MembershipRepository {

  private static final Expression ABSENT = Expression.builder().expression("attribute_not_exists(PK)").build();

  private final SingleTable table;
  private final DynamoDbTable<MemberTeamsItem> memberTeams;
  private final DynamoDbTable<TeamRosterItem> roster;

  @Inject
  public MembershipRepository(SingleTable table) {
    this.table = table;
    this.memberTeams = table.view(MemberTeamsItem.SCHEMA);
    this.roster = table.view(TeamRosterItem.SCHEMA);
  }

  /** What deciding one membership change needs, read in one consistent BatchGetItem. */
  public record Pair(Optional<MemberTeamsItem> teams, Optional<TeamRosterItem> entry, boolean teamDeleted) {}

  public Pair read(TenantId tenant, String teamId, String userId) {
    Key teams = DmsKeys.memberTeams(tenant, userId);
    Key entry = DmsKeys.teamRosterEntry(tenant, teamId, userId);
    Key tombstone = DmsKeys.teamRosterTombstone(tenant, teamId);
    List<Map<String, AttributeValue>> keys = List.of(teams.primaryKeyMap(UniqueItem.SCHEMA),
        entry.primaryKeyMap(UniqueItem.SCHEMA), tombstone.primaryKeyMap(UniqueItem.SCHEMA));
    Map<String, Map<String, AttributeValue>> found = new HashMap<>();
    Map<String, KeysAndAttributes> pending = Map.of(table.name(),
        KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    while (!pending.isEmpty()) {
      Map<String, KeysAndAttributes> batch = pending;
      var response = table.lowLevel().batchGetItem(b -> b.requestItems(batch));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.name(), List.of())) {
        found.put(item.get("SK").s(), item);
      }
      pending = response.unprocessedKeys();
    }
    return new Pair(Optional.ofNullable(found.get(DmsKeys.TEAMS)).map(MemberTeamsItem.SCHEMA::mapToItem),
        Optional.ofNullable(found.get(entry.sortKeyValue().orElseThrow().s())).map(TeamRosterItem.SCHEMA::mapToItem),
        found.containsKey("TEAM"));
  }

  /** A user's teams: one consistent GetItem. */
  public Optional<MemberTeamsItem> teamsOf(TenantId tenant, String userId) {
    return Optional.ofNullable(memberTeams.getItem(r -> r.key(DmsKeys.memberTeams(tenant, userId)).consistentRead(true)));
  }

  /** The roster entries of a team's members and former members (not its tombstone), page by page. */
  public List<TeamRosterItem> rosterOf(TenantId tenant, String teamId) {
    QueryConditional members = QueryConditional.sortBeginsWith(Key.builder()
        .partitionValue(DmsKeys.teamRoster(tenant, teamId)).sortValue("MEMBER#").build());
    List<TeamRosterItem> entries = new ArrayList<>();
    roster.query(r -> r.queryConditional(members).consistentRead(true)).items().forEach(entries::add);
    return entries;
  }

  public static ItemMeta memberTeamsMeta(TenantId tenant, String userId, String now) {
    return ItemMeta.created(DmsKeys.memberTeams(tenant, userId), MemberTeamsItem.ENTITY, now);
  }

  public static ItemMeta rosterEntryMeta(TenantId tenant, String teamId, String userId, String now) {
    return ItemMeta.created(DmsKeys.teamRosterEntry(tenant, teamId, userId), TeamRosterItem.ENTITY, now);
  }

  public static ItemMeta tombstoneMeta(TenantId tenant, String teamId, String now) {
    return ItemMeta.created(DmsKeys.teamRosterTombstone(tenant, teamId), TeamRosterItem.ENTITY, now);
  }

  /**
   * Writes the user's teams: a first item if {@code readVersion} is null (fails if one appeared
   * meanwhile), else conditional on the version read; {@code onStale} either way.
   */
  public void writeTeams(WriteTransaction tx, MemberTeamsItem teams, Long readVersion,
      Supplier<? extends RuntimeException> onStale) {
    if (readVersion == null) {
      tx.create(memberTeams, teams, onStale);
    } else {
      tx.replace(memberTeams, teams, readVersion, onStale);
    }
  }

  /** Writes a roster entry unless an entry as new as {@code entry.as_of} is already there ({@code onOutdated}). */
  public void writeEntry(WriteTransaction tx, TeamRosterItem entry, Supplier<? extends RuntimeException> onOutdated) {
    Expression olderOrAbsent = Expression.builder().expression("attribute_not_exists(PK) OR as_of < :as_of")
        .expressionValues(Map.of(":as_of", AttributeValue.fromS(entry.asOf()))).build();
    tx.include(roster, entry, olderOrAbsent, onOutdated);
  }

  /** Writes a roster entry of a deleted team whatever it held: the team's tombstone already decides. */
  public void writeFinalEntry(WriteTransaction tx, TeamRosterItem entry) {
    tx.put(roster, entry);
  }

  /** Checks, in a write, that the team has no tombstone; fails with {@code onDeleted}. */
  public void requireTeamNotDeleted(TenantId tenant, WriteTransaction tx, String teamId,
      Supplier<? extends RuntimeException> onDeleted) {
    tx.require(DmsKeys.teamRosterTombstone(tenant, teamId), ABSENT, onDeleted);
  }

  /** Writes the team's tombstone if it has none yet (a redelivered deletion changes nothing). */
  public void writeTombstone(WriteTransaction tx, TeamRosterItem tombstone, Supplier<? extends RuntimeException> onExists) {
    tx.include(roster, tombstone, ABSENT, onExists);
  }
}
