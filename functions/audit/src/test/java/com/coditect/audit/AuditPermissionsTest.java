package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Audit entries are immutable in IAM too (issue #5): template.yaml lets no audit function update
 * or delete an item, and lets the ingest create items only under the tenants' audit keys.
 */
class AuditPermissionsTest {

  private static final Set<String> WRITING = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

  @Test
  void theIngestMayOnlyReadAndCreateAuditItems() {
    List<Map<String, Object>> statements = statements("AuditIngestFunction");
    Set<String> allowed = new TreeSet<>();
    for (Map<String, Object> statement : statements) {
      assertEquals("Allow", statement.get("Effect"));
      List<String> actions = actions(statement);
      allowed.addAll(actions);
      if (actions.contains("dynamodb:PutItem")) {
        Map<?, ?> condition = (Map<?, ?>) statement.get("Condition");
        Map<?, ?> like = (Map<?, ?>) condition.get("ForAllValues:StringLike");
        assertEquals(List.of("T#*#AUDIT", "T#*#AUDIT#*"), like.get("dynamodb:LeadingKeys"),
            "puts only under the tenants' audit keys");
      }
    }
    assertEquals(Set.of("dynamodb:BatchGetItem", "dynamodb:PutItem",
        "dynamodb:ConditionCheckItem"), allowed);
  }

  @Test
  void theAuditApiMayChangeNoAuditEntry() {
    boolean writes = false;
    for (Map<String, Object> statement : statements("AuditFunction")) {
      if ("Allow".equals(statement.get("Effect"))) {
        List<String> actions = actions(statement);
        assertFalse(actions.contains("dynamodb:DeleteItem") || actions.contains("dynamodb:*"),
            "the audit API deletes nothing: " + actions);
        writes |= actions.stream().anyMatch(WRITING::contains);
      }
    }
    assertTrue(!writes || denied(), "an audit API that writes (reviews, reports) must be denied the audit keys");
  }

  /** Whether AuditFunction denies writes under the audit keys (needed once it writes anything). */
  private static boolean denied() {
    for (Map<String, Object> statement : statements("AuditFunction")) {
      if ("Deny".equals(statement.get("Effect"))) {
        List<String> actions = actions(statement);
        Map<?, ?> condition = (Map<?, ?>) statement.get("Condition");
        Map<?, ?> like = condition == null ? null : (Map<?, ?>) condition.get("ForAnyValue:StringLike");
        if (actions.containsAll(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"))
            && like != null && like.get("dynamodb:LeadingKeys") instanceof List<?> keys
            && keys.containsAll(List.of("T#*#AUDIT", "T#*#AUDIT#*"))) {
          return true;
        }
      }
    }
    return false;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> statements(String function) {
    List<Map<String, Object>> statements = new ArrayList<>();
    List<Object> policies = (List<Object>) CloudTemplate.load().resourceProperties(function).get("Policies");
    for (Object policy : policies) {
      if (policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> list) {
        list.forEach(statement -> statements.add((Map<String, Object>) statement));
      }
    }
    assertTrue(!statements.isEmpty(), function + " has policy statements");
    return statements;
  }

  @SuppressWarnings("unchecked")
  private static List<String> actions(Map<String, Object> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(action));
  }
}
