package com.coditect.pm.data;

import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the project-management items, built in one place. Layout (docs/access-patterns.md
 * has the queries that use it):
 *
 * <pre>
 * item            PK                              SK                     GSI1PK / GSI1SK                          GSI2PK / GSI2SK
 * task            T#t#TASK#k                      TASK                   -                                        -
 * task list row   (a list partition, below)       (see below)            -                                        -
 * task key row    T#t#TASKKEY#ENG-42              TASK                   -                                        -
 * task counter    T#t#PROJECT#p                   COUNTER#TASKS          -                                        -
 * activity        T#t#TASK#k                      ACTIVITY#a             T#t#USER#u#ACTIVITY / a                  -
 * comment         T#t#TASK#k                      COMMENT#c              -                                        -
 * attachment      T#t#TASK#k                      ATTACHMENT#f           -                                        -
 * sprint          T#t#SPRINT#s                    SPRINT                 T#t#PROJECT#p#SPRINTS / start#s          T#t#PROJECT#p#SPRINTS#STATUS#x / start#s
 * milestone       T#t#MILESTONE#m                 MILESTONE              T#t#PROJECT#p#MILESTONES / due#m         T#t#PROJECT#p#MILESTONES#STATUS#x / due#m
 * board           T#t#BOARD#b                     BOARD                  T#t#PROJECT#p#BOARDS / b                 -
 * </pre>
 *
 * A task's list rows carry what lists show of it (all but its description, custom fields and
 * ancestor path), written in the task's transaction, one per list it is in; each list is one
 * partition, so every task filter is one {@code Query} per page. The key row is such a row too, so
 * naming a task by key reads the key row first and then the task by id:
 *
 * <pre>
 * list                         PK                                   SK
 * all of a project's           T#t#PROJECT#p#TASKS                  k
 * deleted (its only row)       T#t#PROJECT#p#TASKS#DELETED          k
 * by status                    T#t#PROJECT#p#TASKS#STATUS#x         k
 * by assignee                  T#t#PROJECT#p#TASKS#ASSIGNEE#u       k
 * by type, priority, tag       T#t#PROJECT#p#TASKS#TYPE#x (PRIORITY, TAG)   k
 * by due date                  T#t#PROJECT#p#TASKS#DUE              due#k
 * by sprint                    T#t#SPRINT#s#TASKS                   k
 * by milestone                 T#t#MILESTONE#m#TASKS                k
 * subtasks                     T#t#TASK#parent#SUBTASKS             k
 * assignee, all projects       T#t#USER#u#TASKS                     due|9999-12-31#k
 * status, all projects         T#t#TASKS#STATUS#x                   due|9999-12-31#k
 * board (all boards of p)      T#t#PROJECT#p#BOARD                  status#rank#k (the one row with the rank)
 * </pre>
 * A deleted task has no rows but its row in the deleted list. Ids are UUIDv7: by id is by creation
 * time. The task item itself has no index keys: a write of a long task then costs its size once,
 * not again in an index.
 */
public final class PmKeys {

  public static final String TASK = "TASK";
  public static final String SPRINT = "SPRINT";
  public static final String MILESTONE = "MILESTONE";
  public static final String BOARD = "BOARD";
  public static final String ACTIVITY = "ACTIVITY";
  public static final String COMMENT = "COMMENT";
  public static final String ATTACHMENT = "ATTACHMENT";

  /** Uniqueness kinds for sentinels (values are {@code <project id>/<name>}). */
  public static final String UNIQUE_SPRINT_NAME = "SPRINT_NAME";
  public static final String UNIQUE_MILESTONE_TITLE = "MILESTONE_TITLE";
  /** At most one active sprint per project: the sentinel's value is the project id. */
  public static final String UNIQUE_ACTIVE_SPRINT = "ACTIVE_SPRINT";

  /** Sort key of due-date lists for tasks without a due date: after every real date. */
  public static final String NO_DUE_DATE = "9999-12-31";

  private PmKeys() {}

  // ---- tasks ----

  public static String taskPartition(TenantId tenant, String taskId) {
    return Keys.tenant(tenant).with(TASK, taskId).build();
  }

  public static Key task(TenantId tenant, String taskId) {
    return Key.builder().partitionValue(taskPartition(tenant, taskId)).sortValue(TASK).build();
  }

  /** The key row: the task's row under its human key ({@code ENG-42}), which gives its id. */
  public static Key taskKeyRow(TenantId tenant, String taskKey) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("TASKKEY", taskKey).build()).sortValue(TASK).build();
  }

  /** The project's task counter: the last number given out. */
  public static Key taskCounter(TenantId tenant, String projectId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with("PROJECT", projectId).build())
        .sortValue("COUNTER#TASKS").build();
  }

  /** All of a project's live (or deleted) tasks: a list partition like the others. */
  public static String projectTasks(TenantId tenant, String projectId, boolean deleted) {
    Keys keys = Keys.tenant(tenant).with("PROJECT", projectId).with("TASKS");
    return deleted ? keys.with("DELETED").build() : keys.build();
  }

  public static String tasksByStatus(TenantId tenant, String projectId, String status) {
    return projectTaskList(tenant, projectId).with("STATUS", status).build();
  }

  public static String tasksByAssignee(TenantId tenant, String projectId, String userId) {
    return projectTaskList(tenant, projectId).with("ASSIGNEE", userId).build();
  }

  public static String tasksByType(TenantId tenant, String projectId, String type) {
    return projectTaskList(tenant, projectId).with("TYPE", type).build();
  }

  public static String tasksByPriority(TenantId tenant, String projectId, String priority) {
    return projectTaskList(tenant, projectId).with("PRIORITY", priority).build();
  }

  /** Tags are normalised to lower case; a tag never holds '#'. */
  public static String tasksByTag(TenantId tenant, String projectId, String tag) {
    return projectTaskList(tenant, projectId).with("TAG", tag).build();
  }

  public static String tasksByDueDate(TenantId tenant, String projectId) {
    return projectTaskList(tenant, projectId).with("DUE").build();
  }

  public static String tasksOfSprint(TenantId tenant, String sprintId) {
    return Keys.tenant(tenant).with(SPRINT, sprintId).with("TASKS").build();
  }

  public static String tasksOfMilestone(TenantId tenant, String milestoneId) {
    return Keys.tenant(tenant).with(MILESTONE, milestoneId).with("TASKS").build();
  }

  public static String subtasks(TenantId tenant, String parentTaskId) {
    return Keys.tenant(tenant).with(TASK, parentTaskId).with("SUBTASKS").build();
  }

  public static String tasksOfAssignee(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("USER", userId).with("TASKS").build();
  }

  public static String tasksWithStatus(TenantId tenant, String status) {
    return Keys.tenant(tenant).with("TASKS").with("STATUS", status).build();
  }

  /** The board rows of a project: every board of the project reads this one partition. */
  public static String boardRows(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with(BOARD).build();
  }

  private static Keys projectTaskList(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("TASKS");
  }

  // ---- task children ----

  public static Key activity(TenantId tenant, String taskId, String activityId) {
    return Key.builder().partitionValue(taskPartition(tenant, taskId)).sortValue(Keys.of(ACTIVITY, activityId)).build();
  }

  /** A user's activity across tasks, newest first (spec index (tenant, user, -created_at)). */
  public static String activityOfUser(TenantId tenant, String userId) {
    return Keys.tenant(tenant).with("USER", userId).with(ACTIVITY).build();
  }

  public static Key comment(TenantId tenant, String taskId, String commentId) {
    return Key.builder().partitionValue(taskPartition(tenant, taskId)).sortValue(Keys.of(COMMENT, commentId)).build();
  }

  public static Key attachment(TenantId tenant, String taskId, String attachmentId) {
    return Key.builder().partitionValue(taskPartition(tenant, taskId)).sortValue(Keys.of(ATTACHMENT, attachmentId))
        .build();
  }

  // ---- sprints, milestones, boards ----

  public static Key sprint(TenantId tenant, String sprintId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(SPRINT, sprintId).build()).sortValue(SPRINT).build();
  }

  public static String sprintsOfProject(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("SPRINTS").build();
  }

  public static String sprintsWithStatus(TenantId tenant, String projectId, String status) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("SPRINTS").with("STATUS", status).build();
  }

  public static Key milestone(TenantId tenant, String milestoneId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(MILESTONE, milestoneId).build())
        .sortValue(MILESTONE).build();
  }

  public static String milestonesOfProject(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("MILESTONES").build();
  }

  public static String milestonesWithStatus(TenantId tenant, String projectId, String status) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("MILESTONES").with("STATUS", status).build();
  }

  public static Key board(TenantId tenant, String boardId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(BOARD, boardId).build()).sortValue(BOARD).build();
  }

  public static String boardsOfProject(TenantId tenant, String projectId) {
    return Keys.tenant(tenant).with("PROJECT", projectId).with("BOARDS").build();
  }

  /** A sentinel value scoped to a project: {@code <project id>/<value>}. */
  public static String inProject(String projectId, String value) {
    return projectId + "/" + value;
  }
}
