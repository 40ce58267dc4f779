package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What template.yaml lets the PM function do with attachment objects in S3. */
class PmPermissionsTest {

  @Test
  void objectActionsStayUnderTheTenantsPmPrefixes() {
    List<Map<?, ?>> objectStatements = s3Statements().stream()
        .filter(statement -> actions(statement).stream().anyMatch(action -> action.endsWith("Object"))).toList();
    assertEquals(1, objectStatements.size());
    assertEquals(List.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"), actions(objectStatements.get(0)));
    assertTrue(String.valueOf(objectStatements.get(0).get("Resource")).contains("/tenants/*/pm/*"));
  }

  /**
   * S3 answers a HEAD of a not-yet-uploaded attachment 403 to a caller that may not list the whole
   * bucket; the function then lists that one key, which it may do under the attachment prefixes only.
   */
  @Test
  void mayListOnlyUnderTheAttachmentPrefixes() {
    List<Map<?, ?>> listing = s3Statements().stream()
        .filter(statement -> actions(statement).contains("s3:ListBucket")).toList();
    assertEquals(1, listing.size());
    assertEquals(List.of("s3:ListBucket"), actions(listing.get(0)));
    assertEquals(Map.of("StringLike", Map.of("s3:prefix", "tenants/*/pm/*")), listing.get(0).get("Condition"));
    assertTrue(String.valueOf(listing.get(0).get("Resource")).contains("DocumentsBucket"));
  }

  private static List<Map<?, ?>> s3Statements() {
    List<Map<?, ?>> statements = new ArrayList<>();
    Object policies = CloudTemplate.load().resourceProperties("PmFunction").get("Policies");
    for (Object policy : (List<?>) policies) {
      if (policy instanceof Map<?, ?> document && document.get("Statement") instanceof List<?> list) {
        for (Object statement : list) {
          Map<?, ?> map = (Map<?, ?>) statement;
          if (actions(map).stream().anyMatch(action -> action.startsWith("s3:"))) {
            statements.add(map);
          }
        }
      }
    }
    return statements;
  }

  private static List<String> actions(Map<?, ?> statement) {
    Object action = statement.get("Action");
    return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(action));
  }
}
