package com.coditect.workflows.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the workflow items, built in one place. Layout (docs/access-patterns.md has the
 * queries that use it):
 *
 * <pre>
 * item              PK                            SK                    GSI1PK / GSI1SK                         GSI2PK / GSI2SK
 * workflow          T#t#WFS                       WF#w                  T#t#WFS#STATUS#s / w                    T#t#WFS#TYPE#x / w
 * version           T#t#WF#w                      VERSION#0000000003    -                                       -
 * execution         T#t#EXEC#e                    EXEC                  T#t#WF#w#EXECS / started_at#e           T#t#EXECS#STATUS#s / e
 * step              T#t#EXEC#e                    STEP#s                -                                       -
 * webhook lookup    PLATFORM#WF_HOOK#w            WF_HOOK               -                                       -
 * webhook secret    T#t#WF#w                      HOOK_SECRET           -                                       -
 * webhook seen      T#t#WF#w                      HOOK_SEEN#sha256      -  (ttl 10 min: replays refused)        -
 * trigger request   T#t#WF#w                      REQUESTED#e           -  (ttl 1 day: redeliveries ignored)    -
 * event trigger     T#t#WF_TRIGGERS               EVENT#w               -                                       -
 * approval          T#t#APPROVAL#a                APPROVAL              T#t#USER#u#APPROVALS / status#a         T#t#APPROVALS / status#a
 * approval step     T#t#APPROVAL_STEP#s           APPROVAL_STEP         T#t#EXEC#e#APPROVAL_STEPS / s (pending)  -
 * team roster       T#t#WF_TEAM#x                 MEMBER#u | TEAM       -                                       -
 * day's stats       T#t#WF#w#STATS#&lt;v|ALL&gt;        DAY#d#WF | DAY#d#STEP#n | DAY#d#APPROVER#u   -                    -
 * event counted     T#t#STATS_EVENT#ev            STATS_EVENT (ttl)     -                                       -
 * </pre>
 *
 * An event trigger row exists while its workflow is active (the tenant's rows are one Query for the
 * triggers part); a webhook secret and its lookup while the workflow has a webhook trigger (the
 * public hook URL names no tenant: the lookup is how its route finds the tenant).
 *
 * Ids are UUIDv7, so by id is by creation time. Each part of the issue adds its own rows here
 * (webhook secrets, event triggers, analysis aggregates, timers), with a line in this table.
 */
public final class WorkflowKeys {

  public static final String WFS = "WFS";
  public static final String WF = "WF";
  public static final String VERSION = "VERSION";
  public static final String EXEC = "EXEC";
  public static final String EXECS = "EXECS";
  public static final String STEP = "STEP";
  public static final String APPROVAL = "APPROVAL";
  public static final String APPROVALS = "APPROVALS";
  public static final String STATUS = "STATUS";
  public static final String TYPE = "TYPE";
  public static final String WF_HOOK = "WF_HOOK";
  public static final String HOOK_SECRET = "HOOK_SECRET";
  public static final String HOOK_SEEN = "HOOK_SEEN";
  public static final String REQUESTED = "REQUESTED";
  public static final String WF_TRIGGERS = "WF_TRIGGERS";
  public static final String EVENT = "EVENT";
  public static final String APPROVAL_STEP = "APPROVAL_STEP";
  public static final String WF_TEAM = "WF_TEAM";
  public static final String MEMBER = "MEMBER";
  public static final String TEAM = "TEAM";
  public static final String STATS = "STATS";
  public static final String ALL_VERSIONS = "ALL";
  public static final String DAY = "DAY";
  public static final String STATS_EVENT = "STATS_EVENT";

  private WorkflowKeys() {}

  // ---- workflows ----

  /** The tenant's workflow partition: every workflow item of the tenant. */
  public static String workflowsPartition(TenantId tenant) {
    return Keys.tenant(tenant).with(WFS).build();
  }

  public static String workflowSort(String workflowId) {
    return Keys.of(WF, workflowId);
  }

  public static String workflowsByStatus(TenantId tenant, String status) {
    return Keys.tenant(tenant).with(WFS).with(STATUS, status).build();
  }

  public static String workflowsByType(TenantId tenant, String type) {
    return Keys.tenant(tenant).with(WFS).with(TYPE, type).build();
  }

  /** One workflow's own partition: its frozen versions (and the rows each part adds). */
  public static String workflowPartition(TenantId tenant, String workflowId) {
    return Keys.tenant(tenant).with(WF, workflowId).build();
  }

  /** Zero-padded, so the versions sort by number. */
  public static String versionSort(long version) {
    return VERSION + "#" + String.format("%010d", version);
  }

  /** A workflow's item. */
  public static Key workflow(TenantId tenant, String workflowId) {
    return Key.builder().partitionValue(workflowsPartition(tenant)).sortValue(workflowSort(workflowId)).build();
  }

  /** A frozen version of a workflow. */
  public static Key version(TenantId tenant, String workflowId, long version) {
    return Key.builder().partitionValue(workflowPartition(tenant, workflowId)).sortValue(versionSort(version)).build();
  }

  // ---- triggers ----

  /** The tenant's event-trigger rows: one per active workflow with an event trigger. */
  public static String eventTriggersPartition(TenantId tenant) {
    return Keys.tenant(tenant).with(WF_TRIGGERS).build();
  }

  public static Key eventTrigger(TenantId tenant, String workflowId) {
    return Key.builder().partitionValue(eventTriggersPartition(tenant)).sortValue(Keys.of(EVENT, workflowId)).build();
  }

  /** A workflow's webhook secret (and the previous one while it is still honoured). */
  public static Key hookSecret(TenantId tenant, String workflowId) {
    return Key.builder().partitionValue(workflowPartition(tenant, workflowId)).sortValue(HOOK_SECRET).build();
  }

  /** The tenant of a workflow with a webhook trigger, found from the workflow id alone (the public hook URL). */
  public static Key hookLookup(String workflowId) {
    return Key.builder().partitionValue(Keys.platform().with(WF_HOOK, workflowId).build()).sortValue(WF_HOOK).build();
  }

  // ---- executions and steps ----

  public static String executionPartition(TenantId tenant, String executionId) {
    return Keys.tenant(tenant).with(EXEC, executionId).build();
  }

  public static String executionSort() {
    return EXEC;
  }

  public static String stepSort(String stepId) {
    return Keys.of(STEP, stepId);
  }

  /** GSI1: a workflow's executions, by {@link #executionsOfWorkflowSort}. */
  public static String executionsOfWorkflow(TenantId tenant, String workflowId) {
    return Keys.tenant(tenant).with(WF, workflowId).with(EXECS).build();
  }

  public static String executionsOfWorkflowSort(String startedAt, String executionId) {
    return startedAt + "#" + executionId;
  }

  /** GSI2: the tenant's executions in one status. */
  public static String executionsByStatus(TenantId tenant, String status) {
    return Keys.tenant(tenant).with(EXECS).with(STATUS, status).build();
  }

  // ---- approvals ----

  public static String approvalPartition(TenantId tenant, String approvalId) {
    return Keys.tenant(tenant).with(APPROVAL, approvalId).build();
  }

  public static String approvalSort() {
    return APPROVAL;
  }

  /** GSI1: an approver's approvals, sorted by {@link #approvalsByStatusSort} (one status is one prefix). */
  public static String approvalsOfApprover(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("USER", userId).with(APPROVALS).build();
  }

  /**
   * GSI2: the tenant's approvals, sorted by {@link #approvalsByStatusSort}, for an owner or admin
   * listing everyone's. A step's approvals are its {@link #approvalStepPartition} item instead.
   */
  public static String approvalsOfTenant(TenantId tenant) {
    return Keys.tenant(tenant).with(APPROVALS).build();
  }

  /** An approval step (by the WorkflowStep's id): its rule and its approvers, one item. */
  public static String approvalStepPartition(TenantId tenant, String stepId) {
    return Keys.tenant(tenant).with(APPROVAL_STEP, stepId).build();
  }

  public static String approvalStepSort() {
    return APPROVAL_STEP;
  }

  /** GSI1, sparse: an execution's approval steps still pending (a settled step leaves it). */
  public static String pendingApprovalStepsOfExecution(TenantId tenant, String executionId) {
    return Keys.tenant(tenant).with(EXEC, executionId).with("APPROVAL_STEPS").build();
  }

  // ---- team rosters (the workflows' copy of tenancy's team membership) ----

  public static String teamRosterPartition(TenantId tenant, String teamId) {
    return Keys.tenant(tenant).with(WF_TEAM, teamId).build();
  }

  public static String teamMemberSort(String userId) {
    return Keys.of(MEMBER, userId);
  }

  /** A deleted team's tombstone, in its roster's partition. */
  public static String teamTombstoneSort() {
    return TEAM;
  }

  public static String approvalsByStatusSort(String status, String approvalId) {
    return status + "#" + approvalId;
  }

  // ---- trigger receipts ----

  /** A webhook call already accepted, by the SHA-256 (hex) of what it signed. */
  public static Key webhookSeen(TenantId tenant, String workflowId, String digestHex) {
    return Key.builder().partitionValue(workflowPartition(tenant, workflowId)).sortValue(Keys.of(HOOK_SEEN, digestHex))
        .build();
  }

  /** An execution a trigger already asked for. */
  public static Key triggerRequested(TenantId tenant, String workflowId, String executionId) {
    return Key.builder().partitionValue(workflowPartition(tenant, workflowId)).sortValue(Keys.of(REQUESTED, executionId))
        .build();
  }

  // ---- analysis aggregates ----

  /**
   * A workflow's day aggregates of one version ({@code version} null: of all versions together),
   * so any period of one version is one Query between two days.
   */
  public static String statsPartition(TenantId tenant, String workflowId, Long version) {
    return Keys.tenant(tenant).with(WF, workflowId).with(STATS, version == null ? ALL_VERSIONS : version.toString())
        .build();
  }

  /** One day's aggregate of one scope ({@code WF}, {@code STEP#n}, {@code APPROVER#u}). */
  public static String statsSort(String day, String scope, String subject) {
    return Keys.of(DAY, day) + "#" + (subject == null ? scope : Keys.of(scope, segment(subject)));
  }

  /** The first sort key of day {@code day}. */
  public static String statsFromSort(String day) {
    return Keys.of(DAY, day);
  }

  /** Just after the last sort key of day {@code day} ('~' sorts after '#' and every id character). */
  public static String statsToSort(String day) {
    return Keys.of(DAY, day) + "~";
  }

  /** The marker that an event was counted, written in the same transaction as its aggregates. */
  public static String statsEventPartition(TenantId tenant, String eventId) {
    return Keys.tenant(tenant).with(STATS_EVENT, eventId).build();
  }

  public static String statsEventSort() {
    return STATS_EVENT;
  }

  // A node id is the definition's own string: '#' (which would let one segment pose as two) and
  // '%' are percent-encoded, so every id makes exactly one key segment.
  private static String segment(String value) {
    return value.replace("%", "%25").replace("#", "%23");
  }
}
