package com.coditect.tenancy.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads teams and memberships by the access patterns of docs/access-patterns.md, and the write
 * parts of memberships, team names (unique per tenant) and checks that a team is live.
 */
@Singleton
public final class TeamRepository extends ItemRepository<TeamItem> {

  private final DynamoDbTable<TeamMemberItem> members;
  private final Queries queries;
  private final DynamoDbClient dynamoDb;
  private final String tableName;

  @Inject
  public TeamRepository(SingleTable table, Queries queries, DynamoDbClient dynamoDb) {
    super(table, TeamItem.SCHEMA);
    this.members = table.view(TeamMemberItem.SCHEMA);
    this.queries = queries;
    this.dynamoDb = dynamoDb;
    this.tableName = table.name();
  }

  /** Adds a new membership; the transaction fails with {@code onExists} if the user is already a member. */
  public void addMember(WriteTransaction tx, TeamMemberItem member, Supplier<? extends RuntimeException> onExists) {
    tx.create(members, member, onExists);
  }

  /** Removes a membership; the transaction fails with {@code onMissing} if there is none. */
  public void removeMember(WriteTransaction tx, TenantId tenant, String teamId, String userId,
      Supplier<? extends RuntimeException> onMissing) {
    tx.deleteExisting(members, TenancyKeys.membership(tenant, teamId, userId), onMissing);
  }

  /** Adds a check that the team is live (exists, not deleted); the transaction fails with {@code onMissing} if not. */
  public void requireLive(WriteTransaction tx, TenantId tenant, String teamId, Supplier<? extends RuntimeException> onMissing) {
    tx.requireLive(TenancyKeys.team(tenant, teamId), onMissing);
  }

  /** Claims a team name in the tenant (case-insensitive); a clash is a 409 naming {@code name}. */
  public void claimName(WriteTransaction tx, TenantId tenant, String name, String teamId) {
    tx.claimUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, name, teamId, "name");
  }

  /** Moves the team's name sentinel on a rename; a change of letter case keeps the one it holds. */
  public void moveName(WriteTransaction tx, TenantId tenant, String oldName, String newName, String teamId) {
    tx.moveUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, oldName, newName, teamId, "name");
  }

  /** Frees a name the team held (a delete). */
  public void releaseName(WriteTransaction tx, TenantId tenant, String name) {
    tx.releaseUnique(tenant, TenancyKeys.UNIQUE_TEAM_NAME, name);
  }

  /** A live team: one GetItem. */
  public Optional<TeamItem> findLive(TenantId tenant, String teamId) {
    return Optional.ofNullable(table.getItem(TenancyKeys.team(tenant, teamId))).filter(t -> !t.isDeleted());
  }

  /**
   * A team and one membership of it, read together: one BatchGetItem. The team is empty when it
   * is absent or deleted (its memberships outlive a soft delete).
   */
  public TeamAndMembership findTeamAndMembership(TenantId tenant, String teamId, String userId) {
    var teamKey = TenancyKeys.team(tenant, teamId);
    var memberKey = TenancyKeys.membership(tenant, teamId, userId);
    var response = dynamoDb.batchGetItem(b -> b.requestItems(Map.of(tableName, KeysAndAttributes.builder()
        .keys(teamKey.primaryKeyMap(TeamItem.SCHEMA), memberKey.primaryKeyMap(TeamMemberItem.SCHEMA))
        .consistentRead(true)
        .build())));
    TeamItem team = null;
    TeamMemberItem member = null;
    for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
      String type = item.get("entity_type").s();
      if (TeamItem.ENTITY.equals(type)) {
        team = TeamItem.SCHEMA.mapToItem(item);
      } else if (TeamMemberItem.ENTITY.equals(type)) {
        member = TeamMemberItem.SCHEMA.mapToItem(item);
      }
    }
    // Two small items never exceed BatchGetItem's limits, so nothing comes back unprocessed.
    return new TeamAndMembership(Optional.ofNullable(team).filter(t -> !t.isDeleted()), Optional.ofNullable(member));
  }

  /** A live team with its members: one Query over the team's partition (two item types). */
  public Optional<TeamWithMembers> findLiveWithMembers(TenantId tenant, String teamId) {
    QueryResponse response = dynamoDb.query(q -> q.tableName(tableName)
        .keyConditionExpression("PK = :pk")
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TenancyKeys.teamPartition(tenant, teamId)))));
    TeamItem team = null;
    List<TeamMemberItem> memberships = new ArrayList<>();
    for (Map<String, AttributeValue> item : response.items()) {
      String type = item.get("entity_type").s();
      if (TeamItem.ENTITY.equals(type)) {
        team = TeamItem.SCHEMA.mapToItem(item);
      } else if (TeamMemberItem.ENTITY.equals(type)) {
        memberships.add(TeamMemberItem.SCHEMA.mapToItem(item));
      }
    }
    if (team == null || team.isDeleted()) {
      return Optional.empty();
    }
    return Optional.of(new TeamWithMembers(team, memberships));
  }

  /** The tenant's live teams, oldest first: one Query on GSI1. */
  public ResultPage<TeamItem> listByTenant(TenantId tenant, PageRequest page) {
    String partition = TenancyKeys.teams(tenant, false);
    return queries.page(table, ItemMeta.GSI1, UserRepository.keyEquals(partition), page, partition, false);
  }

  /**
   * Every membership of a user, across the tenant's teams: Query on GSI1, page after page. Used
   * by the event consumer that removes a deleted user, never in a request path.
   */
  public List<TeamMemberItem> listMembershipsOfUser(TenantId tenant, String userId) {
    String partition = TenancyKeys.teamsOfUser(tenant, userId);
    List<TeamMemberItem> found = new ArrayList<>();
    members.index(ItemMeta.GSI1)
        .query(r -> r.queryConditional(UserRepository.keyEquals(partition)))
        .forEach(page -> found.addAll(page.items()));
    return found;
  }

  /** The common attributes of a new team of the tenant: its key, type, first version and timestamps. */
  public static ItemMeta newMeta(TenantId tenant, String teamId, String now) {
    return ItemMeta.created(TenancyKeys.team(tenant, teamId), TeamItem.ENTITY, now);
  }

  /**
   * A new membership of {@code userId} in {@code teamId}, placed in the partition of its team and in
   * the list of the user's teams (GSI1). Memberships are added and removed, never updated: no version.
   */
  public static TeamMemberItem newMembership(TenantId tenant, String teamId, String userId, String now) {
    ItemMeta meta = ItemMeta.at(TenancyKeys.membership(tenant, teamId, userId), TeamMemberItem.ENTITY)
        .withGsi1pk(TenancyKeys.teamsOfUser(tenant, userId))
        .withGsi1sk(teamId)
        .withCreatedAt(now);
    return TeamMemberItem.builder().meta(meta).teamId(teamId).userId(userId).build();
  }

  /** {@code team} with the index keys that place it in the live or deleted list. */
  public static TeamItem indexed(TenantId tenant, TeamItem team) {
    return team.withIndex1(TenancyKeys.teams(tenant, team.isDeleted()), team.id());
  }

  /** A live team (if any) and a membership of it (if any). */
  public record TeamAndMembership(Optional<TeamItem> team, Optional<TeamMemberItem> membership) {}

  /** A team item with its membership items. */
  public record TeamWithMembers(TeamItem team, List<TeamMemberItem> members) {}
}
