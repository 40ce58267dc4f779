package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import com.coditect.testing.ContainerCredentialsEndpoint;
import com.coditect.testing.MotoServer;
import com.coditect.testing.ProjectFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * E-mails and SMS through the local runtime's moto, as the contacts function sends its verification
 * codes (SES v2 Simple content from the template's sender; SNS Publish to a phone number), show in
 * {@code GET /local/messages}: one e-mail item per recipient, newest first. The moto is shared with
 * other test classes, so only this class's recipients (random ones) are looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SentMessagesEndToEndIT {

  private String sender;
  private LocalApiHarness harness;
  private SesV2Client ses;
  private SnsClient sns;

  @BeforeAll
  void start() {
    CloudTemplate template = CloudTemplate.load(ProjectFiles.template());
    sender = new TemplateParameters(template)
        .resolve(template.resourceProperties("VerificationEmailIdentity").get("EmailIdentity"))
        .orElseThrow();
    // An identity left by an earlier run on this moto would let the sends below pass without the
    // local runtime creating it: gone first, so that only LocalResources can have made it.
    ContainerCredentialsEndpoint.installForThisJvm();
    try (SesV2Client before = sesClient(MotoServer.endpoint())) {
      before.deleteEmailIdentity(r -> r.emailIdentity(sender));
    } catch (NotFoundException absent) {
      // none yet
    }
    harness = LocalApiHarness.start();
    ses = sesClient(harness.moto());
    sns = SnsClient.builder().endpointOverride(harness.moto()).region(Region.of(LocalApiHarness.REGION))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }

  @AfterAll
  void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {ses, sns, harness}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception ignored) {
        // stopping
      }
    }
  }

  @Test
  void emailsAndSmsSentThroughMotoAreListedPerRecipientNewestFirst() throws InterruptedException {
    String run = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
        (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
    String ann = "ann+" + run + "@example.com";
    String bob = "bob+" + run + "@example.com";
    String cat = "cat+" + run + "@example.com";
    String phone = "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));

    sendEmail(List.of(ann), List.of(), "Your code is 111111 (" + run + ")");
    pauseAMillisecondOrMore();
    sns.publish(r -> r.phoneNumber(phone).message("Your code is 222222 (" + run + ")"));
    pauseAMillisecondOrMore();
    sendEmail(List.of(bob), List.of(cat), "Your code is 333333 (" + run + ")");

    List<JsonNode> ours = new ArrayList<>();
    for (JsonNode item : harness.get("/local/messages", null).expect(200).json().path("items")) {
      if (item.path("body").asText().contains("(" + run + ")")) {
        ours.add(item);
      }
    }
    assertEquals(4, ours.size(), ours::toString);
    // The last e-mail first, once per recipient (To and Cc alike: the order between them is moto's).
    assertEquals(Set.of(bob, cat), Set.of(ours.get(0).path("to").asText(), ours.get(1).path("to").asText()),
        ours::toString);
    for (JsonNode item : ours.subList(0, 2)) {
      assertItem(item, "email", item.path("to").asText(), "Your code is 333333 (" + run + ")");
    }
    assertItem(ours.get(2), "sms", phone, "Your code is 222222 (" + run + ")");
    assertItem(ours.get(3), "email", ann, "Your code is 111111 (" + run + ")");
    for (int i = 1; i < ours.size(); i++) {
      Instant newer = Instant.parse(ours.get(i - 1).path("sent_at").asText());
      Instant older = Instant.parse(ours.get(i).path("sent_at").asText());
      assertTrue(!newer.isBefore(older), ours::toString);
    }
  }

  private void sendEmail(List<String> to, List<String> cc, String text) {
    ses.sendEmail(r -> r.fromEmailAddress(sender)
        .destination(d -> d.toAddresses(to).ccAddresses(cc))
        .content(c -> c.simple(m -> m.subject(s -> s.data("Your verification code"))
            .body(b -> b.text(t -> t.data(text))))));
  }

  private static void assertItem(JsonNode item, String channel, String to, String body) {
    assertEquals(channel, item.path("channel").asText(), item::toString);
    assertEquals(to, item.path("to").asText(), item::toString);
    assertEquals(body, item.path("body").asText(), item::toString);
    assertTrue(item.path("sent_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
        item::toString);
  }

  /** sent_at has milliseconds: messages sent in one would tie, and their order would be moto's. */
  private static void pauseAMillisecondOrMore() throws InterruptedException {
    Thread.sleep(5);
  }

  private static SesV2Client sesClient(java.net.URI moto) {
    return SesV2Client.builder().endpointOverride(moto).region(Region.of(LocalApiHarness.REGION))
        .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
  }
}
