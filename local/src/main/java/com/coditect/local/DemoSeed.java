package com.coditect.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds a demo tenant through the running gateway, as a client would: a platform admin creates the
 * tenant with its owner, the owner invites an admin, a member and a viewer. Returns their tokens.
 */
final class DemoSeed {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo tenant and a token per role (plus the platform admin's). */
  record Demo(String tenantId, Map<String, String> tokens) {}

  private DemoSeed() {}

  static Demo seed(String baseUrl, DevTokens tokens) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String platformAdmin = tokens.issue("platform-admin", null, null, true);
    JsonNode tenant = post(http, baseUrl + "/v1/tenants", platformAdmin,
        "{\"name\":\"Demo Corp\",\"company_size\":\"small\",\"owner\":{\"email\":\"owner@demo.example\","
            + "\"name\":\"Olivia Owner\"}}");
    String tenantId = tenant.get("id").asText();
    Map<String, String> roleTokens = new LinkedHashMap<>();
    roleTokens.put("owner", tokens.issue(tenant.get("owner_user_id").asText(), tenantId, "owner", false));
    for (String role : new String[] {"admin", "member", "viewer"}) {
      JsonNode user = post(http, baseUrl + "/v1/users", roleTokens.get("owner"), "{\"email\":\"" + role
          + "@demo.example\",\"name\":\"Demo " + role + "\",\"role\":\"" + role + "\"}");
      roleTokens.put(role, tokens.issue(user.get("id").asText(), tenantId, role, false));
    }
    roleTokens.put("platform_admin", platformAdmin);
    return new Demo(tenantId, roleTokens);
  }

  private static JsonNode post(HttpClient http, String url, String token, String body)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException("seeding " + url + " failed: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
