package com.coditect.workflows.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;

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
 * approval          T#t#APPROVAL#a                APPROVAL              T#t#USER#u#APPROVALS / status#a         T#t#STEP#s#APPROVALS / status#a
 * day's stats       T#t#WF#w#STATS#&lt;v|ALL&gt;        DAY#d#WF | DAY#d#STEP#n | DAY#d#APPROVER#u   -                    -
 * event counted     T#t#STATS_EVENT#ev            STATS_EVENT (ttl)     -                                       -
 * </pre>
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

  /** GSI2: a step's approvals, sorted by {@link #approvalsByStatusSort}. */
  public static String approvalsOfStep(TenantId tenant, String stepId) {
    return Keys.tenant(tenant).with(STEP, stepId).with(APPROVALS).build();
  }

  public static String approvalsByStatusSort(String status, String approvalId) {
    return status + "#" + approvalId;
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
