package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What template.yaml must say of CORS, sign-in factors, stored versions and keys on a deployed stage. */
class TemplateHardeningTest {

  private final CloudTemplate template = CloudTemplate.load();

  @Test
  void aDeployedStageNamesItsOriginsAndNoneIsAWildcard() {
    Map<?, ?> origins = (Map<?, ?>) ((Map<?, ?>) template.document().get("Parameters")).get("AllowedOrigins");
    assertFalse(origins.containsKey("Default"), "no default: every stage names its front ends");
    Pattern allowed = Pattern.compile(String.valueOf(origins.get("AllowedPattern")));
    assertFalse(allowed.matcher("*").matches());
    assertFalse(allowed.matcher("https://*.example.com").matches());
    assertTrue(allowed.matcher("https://app.example.com").matches());
    assertTrue(allowed.matcher("http://localhost:5173").matches());
  }

  @Test
  void usersMayAddAnAuthenticatorApp() {
    Map<String, Object> pool = template.resourceProperties("UserPool");
    assertEquals("OPTIONAL", pool.get("MfaConfiguration"));
    assertEquals(List.of("SOFTWARE_TOKEN_MFA"), pool.get("EnabledMfas"));
  }

  @Test
  void noncurrentObjectVersionsExpire() {
    Map<?, ?> lifecycle = (Map<?, ?>) template.resourceProperties("DocumentsBucket").get("LifecycleConfiguration");
    boolean expires = ((List<?>) lifecycle.get("Rules")).stream()
        .map(rule -> (Map<?, ?>) rule)
        .anyMatch(rule -> "Enabled".equals(rule.get("Status")) && rule.get("NoncurrentVersionExpiration") != null);
    assertTrue(expires, "a rule expiring noncurrent versions");
  }

  @Test
  void noFunctionHoldsAKeyInItsEnvironment() {
    String text = template.document().toString();
    assertFalse(text.contains("{{resolve:secretsmanager"), "a dynamic reference puts the secret's value in the environment");
  }
}
