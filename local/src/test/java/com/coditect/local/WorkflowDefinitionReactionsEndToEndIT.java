package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.local.LocalApiHarness.Tenant;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The workflow definitions' reactions to other domains' events, end to end: the change goes
 * through the gateway, its outbox event reaches the bus through the table's stream, and the
 * template's rule delivers it to WorkflowEventsFunction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowDefinitionReactionsEndToEndIT {

  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private LocalApiHarness harness;
  private String owner;

  @BeforeAll
  void start() {
    harness = LocalApiHarness.start();
    Tenant acme = harness.createTenant("Acme Workflows");
    owner = acme.ownerToken();
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  @ExercisesRules("WorkflowEventsFunctionProjectDeleted")
  void aDeletedProjectLeavesItsWorkflowsWithoutAProject() {
    String project = harness.create("/v1/projects", owner, "{\"key\":\"WFP\",\"name\":\"Workflows of a project\"}");
    String workflow = harness.create("/v1/workflows", owner, "{\"name\":\"Project approvals\",\"project_id\":\""
        + project + "\"}");
    assertEquals(project, harness.get("/v1/workflows/" + workflow, owner).expect(200).text("project_id"));

    harness.delete("/v1/projects/" + project, owner).expect(204);

    LocalApiHarness.eventually("the workflow lost its deleted project", EVENTUALLY,
        () -> harness.get("/v1/workflows/" + workflow, owner).expect(200).json().path("project_id").isNull());
    assertEquals("Project approvals", harness.get("/v1/workflows/" + workflow, owner).text("name"));
  }
}
