package com.coditect.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.IamPolicy;
import com.coditect.testing.IamPolicy.Request;
import com.coditect.testing.TemplateIam;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the template lets functions send, evaluated from template.yaml: the contacts function sends
 * e-mail only from the stack's sender identity, SMS, and geocodes with Amazon Location; no other
 * function sends e-mail or SMS at all. A publish to a phone number has no resource ARN (IAM
 * evaluates it against {@code "*"}), so SMS is checked by the statements that grant it.
 */
class MessagePermissionsTest {

  private static final TemplateIam IAM = new TemplateIam(CloudTemplate.load());
  private static final String IDENTITY = "arn:aws:ses:us-east-1:123456789012:identity/";

  /** Whether an Allow statement grants sns:Publish on every resource (what a publish to a number needs). */
  private static boolean grantsSms(IamPolicy policy) {
    return policy.statements().stream().anyMatch(statement -> statement.allow()
        && statement.actions().stream().anyMatch(action -> action.equals("sns:Publish") || action.equals("sns:*"))
        && statement.resources().contains("*"));
  }

  private static Request on(String action, String resource) {
    return new Request(action, resource, Map.of());
  }

  @Test
  void theContactsFunctionSendsFromItsIdentityToPhonesAndGeocodes() {
    IamPolicy contacts = IAM.policyOf("ContactsFunction");
    assertTrue(contacts.allows(on("ses:SendEmail", IDENTITY + "no-reply@coditect.example")));
    assertFalse(contacts.allows(on("ses:SendEmail", IDENTITY + "ceo@coditect.example")), "another sender");
    assertTrue(grantsSms(contacts));
    assertTrue(contacts.allows(on("geo-places:Geocode", "arn:aws:geo-places:us-east-1::provider/default")));
    assertFalse(contacts.allows(on("sns:CreateTopic", "arn:aws:sns:us-east-1:123456789012:codes")));
  }

  @Test
  void noOtherFunctionSendsEmailOrSms() {
    Set<String> senders = new LinkedHashSet<>();
    for (String function : IAM.functions()) {
      IamPolicy policy = IAM.policyOf(function);
      if (policy.allows(on("ses:SendEmail", IDENTITY + "no-reply@coditect.example")) || grantsSms(policy)) {
        senders.add(function);
      }
    }
    assertEquals(Set.of("ContactsFunction"), senders);
  }
}
