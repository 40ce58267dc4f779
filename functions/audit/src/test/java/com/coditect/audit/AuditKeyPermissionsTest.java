package com.coditect.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.audit.data.AuditKeys;
import com.coditect.shared.store.Ids;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.IamPolicy;
import com.coditect.testing.IamPolicy.Request;
import com.coditect.testing.TemplateIam;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Audit entries are immutable in IAM too (DESIGN.md section 8, issue #10): of every function role in
 * template.yaml, only the ingest's may write under the tenants' audit keys ({@code T#<t>#AUDIT},
 * {@code T#<t>#AUDIT#...}), and it may only create items there. Every function of the template is
 * checked, so a function added later is held to this without a change here.
 */
class AuditKeyPermissionsTest {

  private static final TemplateIam IAM = new TemplateIam(CloudTemplate.load());
  private static final String TABLE = IAM.arn("CoditectTable");
  private static final String INGEST = "AuditIngestFunction";
  private static final List<String> WRITES =
      List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
  private static final TenantId TENANT = new TenantId(Ids.newId());
  private static final String AUDIT = AuditKeys.entries(TENANT);

  @Test
  void noRoleButTheIngestsMayWriteUnderAnAuditKey() {
    Set<String> allowed = new LinkedHashSet<>();
    for (String function : IAM.functions()) {
      if (function.equals(INGEST)) {
        continue;
      }
      IamPolicy role = IAM.policyOf(function);
      for (String key : auditKeys(role)) {
        for (String action : WRITES) {
          if (role.allows(Request.dynamoDb(action, TABLE, key))) {
            allowed.add(function + " " + action);
          }
        }
      }
    }
    assertEquals(Set.of(), allowed, "roles that may write under audit keys");
  }

  @Test
  void theIngestMayOnlyCreateItemsAndOnlyUnderAuditKeys() {
    IamPolicy ingest = IAM.policyOf(INGEST);
    for (String key : auditKeys(ingest)) {
      assertTrue(ingest.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, key)), key);
      for (String action : List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")) {
        assertFalse(ingest.allows(Request.dynamoDb(action, TABLE, key)), action + " " + key);
      }
    }
    for (String other : List.of("T#" + TENANT.value(), "T#" + TENANT.value() + "#USER#" + Ids.newId(),
        "T#" + TENANT.value() + "#OUTBOX#" + Ids.newId(), "PLATFORM#TENANTS")) {
      assertFalse(ingest.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, other)), other);
    }
  }

  @Test
  void theSignInTriggerMayOnlyPutOutboxItems() {
    IamPolicy signIn = IAM.policyOf("IdentitySignInFunction");
    assertTrue(signIn.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#" + TENANT.value() + "#OUTBOX#" + Ids.newId())));
    for (String other : List.of("T#" + TENANT.value(), "T#" + TENANT.value() + "#USER#" + Ids.newId(),
        "T#" + TENANT.value() + "#AUDIT#OUTBOX#" + Ids.newId(), "PLATFORM#TENANTS", "IDEMPOTENCY#x")) {
      assertFalse(signIn.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, other)), other);
    }
    for (String action : List.of("dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem")) {
      assertFalse(signIn.allows(Request.dynamoDb(action, TABLE, "T#" + TENANT.value() + "#OUTBOX#x")), action);
    }
  }

  /**
   * The denies must not reach the keys the functions do write (their own items and outbox events).
   * The Deny is the same statement everywhere, so the roles of the request paths stand for the rest.
   */
  @Test
  void theDeniesLeaveEachFunctionItsOwnItems() {
    String t = "T#" + TENANT.value();
    assertWrites("TenancyFunction", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
        t + "#USER#" + Ids.newId(), t, t + "#OUTBOX#" + Ids.newId());
    assertWrites("PmFunction", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
        t + "#TASK#" + Ids.newId(), t + "#OUTBOX#" + Ids.newId());
    assertWrites("AuditFunction", List.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
        t + "#AUDIT_REVIEW#" + Ids.newId(), t + "#COMPLIANCE_REPORT#" + Ids.newId(), t + "#OUTBOX#" + Ids.newId());
    assertWrites("ComplianceReportFunction", List.of("dynamodb:UpdateItem", "dynamodb:PutItem"),
        t + "#COMPLIANCE_REPORT#" + Ids.newId(), t + "#OUTBOX#" + Ids.newId());
    assertWrites("ComplianceScheduleFunction", List.of("dynamodb:PutItem"),
        t + "#COMPLIANCE_REPORT#" + Ids.newId(), t + "#OUTBOX#" + Ids.newId());
  }

  @Test
  void theAuditApiDeletesNothing() {
    IamPolicy api = IAM.policyOf("AuditFunction");
    for (String key : List.of("T#" + TENANT.value() + "#AUDIT_REVIEW#" + Ids.newId(),
        "T#" + TENANT.value() + "#COMPLIANCE_REPORT#" + Ids.newId(), AUDIT)) {
      assertFalse(api.allows(Request.dynamoDb("dynamodb:DeleteItem", TABLE, key)), key);
    }
  }

  /** Guards the loop above against passing by reading nothing. */
  @Test
  void everyFunctionOfTheTemplateIsChecked() {
    assertTrue(IAM.functions().containsAll(List.of("TenancyFunction", "TenancyEventsFunction", "PmFunction",
        "PmEventsFunction", "AuditFunction", "ComplianceReportFunction", "ComplianceScheduleFunction", INGEST,
        "OutboxPublisherFunction", "IdentitySyncFunction", "IdentitySignInFunction")), IAM.functions().toString());
  }

  private static void assertWrites(String function, List<String> actions, String... keys) {
    IamPolicy role = IAM.policyOf(function);
    for (String key : keys) {
      for (String action : actions) {
        assertTrue(role.allows(Request.dynamoDb(action, TABLE, key)), function + " " + action + " " + key);
      }
    }
  }

  /**
   * Every kind of audit key the ingest writes, and for each {@code StringLike} leading-key pattern
   * the role is allowed, a key under the tenant's audit keys that the pattern also matches (a
   * {@code *} matches {@code #} too: {@code T#*#OUTBOX#*} covers {@code T#t#AUDIT#OUTBOX#x}).
   */
  private static Set<String> auditKeys(IamPolicy role) {
    Set<String> keys = new LinkedHashSet<>(List.of(AUDIT,
        AuditKeys.eventSentinel(TENANT, Ids.newId()).partitionKeyValue().s(),
        AuditKeys.byUser(TENANT, Ids.newId()), AuditKeys.byResource(TENANT, "task", Ids.newId()),
        AuditKeys.byAction(TENANT, "task.updated"), AuditKeys.bySeverity(TENANT, "info"), AuditKeys.byTime(TENANT)));
    for (IamPolicy.Statement statement : role.statements()) {
      for (IamPolicy.Condition condition : statement.conditions()) {
        if (!statement.allow() || !condition.operator().equals("StringLike")
            || !condition.key().equals(IamPolicy.LEADING_KEYS)) {
          continue;
        }
        for (String pattern : condition.values()) {
          int star = pattern.indexOf('*');
          String before = star < 0 ? null : pattern.substring(0, star);
          if (before != null && AUDIT.startsWith(before)) {
            String probe = AUDIT + pattern.substring(star + 1).replace('*', 'x').replace('?', 'x');
            if (probe.equals(AUDIT) || probe.startsWith(AUDIT + "#")) {
              keys.add(probe);
            }
          }
        }
      }
    }
    return keys;
  }
}
