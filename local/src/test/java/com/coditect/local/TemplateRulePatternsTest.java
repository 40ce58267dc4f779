package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.TemplateRules;

import com.coditect.testing.CloudTemplate;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.event.ruler.Machine;

/**
 * The patterns of template.yaml's rules, matched with Event Ruler (the matcher EventBridge uses)
 * against events shaped as the outbox writes them: each reaction's rule matches the events it is
 * for and no others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateRulePatternsTest {

  private final Machine machine = new Machine();

  @BeforeAll
  void load() throws Exception {
    for (TemplateRules.EventRule rule : new TemplateRules(CloudTemplate.load()).eventRules()) {
      machine.addRule(rule.logicalId(), rule.pattern());
    }
  }

  @Test
  void aTaskMovedUnderAnotherParentMatchesTaskReparentedWhereverItMoves() throws Exception {
    String rule = "PmEventsFunctionTaskReparented";
    assertEquals(true, matches(event("coditect.pm", "task.updated", "{\"parent_task_id\":{\"old\":null,\"new\":\"p\"}}"),
        rule), "moved under a parent");
    assertEquals(true, matches(event("coditect.pm", "task.updated", "{\"parent_task_id\":{\"old\":\"p\",\"new\":\"q\"}}"),
        rule), "moved to another parent");
    assertEquals(true, matches(event("coditect.pm", "task.updated", "{\"parent_task_id\":{\"old\":\"p\",\"new\":null}}"),
        rule), "moved to the top");
    assertEquals(false, matches(event("coditect.pm", "task.updated", "{\"title\":{\"old\":\"a\",\"new\":\"b\"}}"), rule),
        "another change");
  }

  @Test
  void aCancelledSprintMatchesOnlyPmsSprintCancelledRule() throws Exception {
    String cancelled = event("coditect.pm", "sprint.updated", "{\"status\":{\"old\":\"planned\",\"new\":\"cancelled\"}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent", "PmEventsFunctionSprintCancelled"), rules(cancelled));
    String renamed = event("coditect.pm", "sprint.updated", "{\"name\":{\"old\":\"a\",\"new\":\"b\"}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent"), rules(renamed));
  }

  @Test
  void aDeletedUserMatchesEveryConsumerOfIt() throws Exception {
    String deleted = event("coditect.tenancy", "user.deleted", "{\"deleted_at\":{\"old\":null,\"new\":\"2026-12-01\"}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent", "ContactsEventsFunctionUserDeleted",
        "IdentitySyncFunctionUserChanges", "PmEventsFunctionUserDeleted", "TenancyEventsFunctionUserDeleted"),
        rules(deleted));
  }

  @Test
  void onlyAFolderChangeThatMovesItsPathMatchesTheSubtreeRule() throws Exception {
    String rule = "DmsEventsFunctionFolderPathChanged";
    assertTrue(matches(event("coditect.dms", "folder.updated", "{\"path\":{\"old\":\"/a\",\"new\":\"/b\"}}"), rule));
    assertTrue(matches(event("coditect.dms", "folder.moved", "{\"path\":{\"old\":\"/a\",\"new\":\"/x/a\"}}"), rule));
    assertFalse(matches(event("coditect.dms", "folder.updated", "{\"description\":{\"old\":null,\"new\":\"d\"}}"),
        rule));
    assertFalse(matches(event("coditect.pm", "folder.updated", "{\"path\":{\"old\":\"/a\",\"new\":\"/b\"}}"), rule));
  }

  @Test
  void onlyAGrantOnAFolderOrItsRevocationReachesDmsFolderGrantRules() throws Exception {
    String onFolder = event("coditect.dms", "permission.granted",
        "{\"id\":{\"old\":null,\"new\":\"p\"},\"folder_id\":{\"old\":null,\"new\":\"f\"}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent", "DmsEventsFunctionFolderGrantMade"), rules(onFolder));
    String offFolder = event("coditect.dms", "permission.revoked",
        "{\"id\":{\"old\":\"p\",\"new\":null},\"folder_id\":{\"old\":\"f\",\"new\":null}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent", "DmsEventsFunctionFolderGrantRevoked"), rules(offFolder));
    String onDocument = event("coditect.dms", "permission.granted",
        "{\"id\":{\"old\":null,\"new\":\"p\"},\"document_id\":{\"old\":null,\"new\":\"d\"}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent"), rules(onDocument));
    String offDocument = event("coditect.dms", "permission.revoked",
        "{\"id\":{\"old\":\"p\",\"new\":null},\"document_id\":{\"old\":\"d\",\"new\":null}}");
    assertEquals(List.of("AuditIngestFunctionEveryDomainEvent"), rules(offDocument));
  }

  @Test
  void tenancysTeamMembershipEventsReachDmsMembershipSync() throws Exception {
    for (String type : List.of("team.member_added", "team.member_removed", "team.deleted")) {
      assertEquals(true, matches(event("coditect.tenancy", type, "{}"), "DmsEventsFunctionTeamMembership"), type);
    }
    assertEquals(false, matches(event("coditect.tenancy", "team.updated", "{}"), "DmsEventsFunctionTeamMembership"));
  }

  private boolean matches(String event, String rule) throws Exception {
    return machine.rulesForJSONEvent(event).contains(rule);
  }

  private List<String> rules(String event) throws Exception {
    return List.copyOf(new TreeSet<>(machine.rulesForJSONEvent(event)));
  }

  private static String event(String source, String detailType, String changes) {
    return "{\"version\":\"0\",\"id\":\"1\",\"source\":\"" + source + "\",\"detail-type\":\"" + detailType
        + "\",\"account\":\"000000000000\",\"time\":\"2026-12-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
        + "\"detail\":{\"event_id\":\"e\",\"tenant_id\":\"t\",\"action\":\"" + detailType + "\",\"changes\":" + changes
        + "}}";
  }
}
