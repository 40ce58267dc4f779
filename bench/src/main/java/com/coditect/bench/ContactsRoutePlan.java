package com.coditect.bench;

import com.coditect.contacts.ContactsConfig;
import com.coditect.contacts.DaggerTestContactsComponent;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.json.Json;
import com.coditect.testing.AwsTestEnvironment;
import com.coditect.testing.DynamoDbCallCounter;
import com.coditect.testing.SentCodes;
import com.coditect.testing.TestInterceptors;
import com.coditect.testing.WriteUnitMeter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * One representative request per contacts route (template.yaml's ContactsFunction), counting the
 * DynamoDB calls and write units of each: the tenant's owner adds, lists, reads, changes and
 * deletes an address, a phone number and an e-mail address of their own; the phone and the
 * address are verified with the code moto's SNS and SES were given. The SES and SNS calls are not
 * counted.
 */
final class ContactsRoutePlan {

  static final String SENDER = "no-reply@coditect.example";
  private static final ObjectMapper MAPPER = Json.newMapper();

  private final RouteCalls calls;

  ContactsRoutePlan(AppConfig config, DynamoDbCallCounter counter, WriteUnitMeter meter) {
    // SES sends only from a verified identity (the stack's VerificationEmailIdentity).
    try (SesV2Client ses = AwsTestEnvironment.onMoto(SesV2Client.builder()).build()) {
      ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
    }
    this.calls = new RouteCalls(DaggerTestContactsComponent.factory().create(config,
        new ContactsConfig(SENDER, false), TestInterceptors.of(counter, meter)).handler(), counter, meter);
  }

  /** Sends one request per contacts route and returns the counts, in the order sent. */
  List<RouteCount> run(RoutePlan.Tenant tenant) {
    calls.clear();
    String address = calls.measure("POST /v1/addresses", event -> event.path("/v1/addresses").claims(tenant.owner())
        .body(owner(tenant).put("address_type", "office").put("address_line1", "1 Market St")
            .put("city", "San Francisco").put("state", "CA").put("postal_code", "94105").put("country_code", "US")
            .put("latitude", 37.793987).put("longitude", -122.395213).toString())).text("id");
    measureReads("/v1/addresses", "address_id", address, tenant);
    calls.measure("PATCH /v1/addresses/{address_id}", event -> event.path("/v1/addresses/" + address)
        .pathParam("address_id", address).claims(tenant.owner()).body("{\"label\":\"HQ\"}"));

    // A random US number: the bench may run twice against one moto, and a number is once per owner.
    String number = String.format("(415) 555-%04d", (int) (Math.random() * 10_000));
    Reply phone = calls.measure("POST /v1/phone-numbers", event -> event.path("/v1/phone-numbers").claims(tenant.owner())
        .body(owner(tenant).put("phone_type", "mobile").put("country_code", "US").put("phone_number", number)
            .toString()));
    String phoneId = phone.text("id");
    measureReads("/v1/phone-numbers", "phone_id", phoneId, tenant);
    calls.measure("PATCH /v1/phone-numbers/{phone_id}", event -> event.path("/v1/phone-numbers/" + phoneId)
        .pathParam("phone_id", phoneId).claims(tenant.owner()).body("{\"label\":\"Mobile\"}"));
    verify("/v1/phone-numbers", "phone_id", phoneId, tenant, () -> SentCodes.smsTo(phone.text("phone_number")));

    String mailbox = "bench-" + System.nanoTime() + "@example.com";
    String email = calls.measure("POST /v1/email-addresses", event -> event.path("/v1/email-addresses")
        .claims(tenant.owner()).body(owner(tenant).put("email_type", "work").put("email", mailbox).toString())).text("id");
    measureReads("/v1/email-addresses", "email_id", email, tenant);
    calls.measure("PATCH /v1/email-addresses/{email_id}", event -> event.path("/v1/email-addresses/" + email)
        .pathParam("email_id", email).claims(tenant.owner()).body("{\"label\":\"Work\"}"));
    verify("/v1/email-addresses", "email_id", email, tenant, () -> SentCodes.emailsTo(mailbox));

    calls.measure("DELETE /v1/addresses/{address_id}", event -> event.path("/v1/addresses/" + address)
        .pathParam("address_id", address).claims(tenant.owner()));
    calls.measure("DELETE /v1/phone-numbers/{phone_id}", event -> event.path("/v1/phone-numbers/" + phoneId)
        .pathParam("phone_id", phoneId).claims(tenant.owner()));
    calls.measure("DELETE /v1/email-addresses/{email_id}", event -> event.path("/v1/email-addresses/" + email)
        .pathParam("email_id", email).claims(tenant.owner()));
    return calls.counts();
  }

  private void measureReads(String path, String parameter, String id, RoutePlan.Tenant tenant) {
    calls.measure("GET " + path, event -> event.path(path).claims(tenant.owner()));
    calls.measure("GET " + path + "/{" + parameter + "}", event -> event.path(path + "/" + id).pathParam(parameter, id)
        .claims(tenant.owner()));
  }

  private void verify(String path, String parameter, String id, RoutePlan.Tenant tenant,
      Supplier<List<String>> sent) {
    calls.measure("POST " + path + "/{" + parameter + "}/verify", event -> event.path(path + "/" + id + "/verify")
        .pathParam(parameter, id).claims(tenant.owner()));
    String code = SentCodes.newestCode(sent.get());
    calls.measure("POST " + path + "/{" + parameter + "}/confirm", event -> event.path(path + "/" + id + "/confirm")
        .pathParam(parameter, id).claims(tenant.owner()).body("{\"code\":\"" + code + "\"}"));
  }

  private static ObjectNode owner(RoutePlan.Tenant tenant) {
    return MAPPER.createObjectNode().put("entity_type", "user").put("entity_id", tenant.ownerId());
  }
}
