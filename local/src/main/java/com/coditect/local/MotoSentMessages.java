package com.coditect.local;

import com.coditect.local.LocalMessages.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The e-mails and SMS the functions sent through SES and SNS, as moto keeps them: what SES and SNS
 * would have delivered. Read from {@code GET /moto-api/coditect/sent-messages}, which
 * scripts/moto_server.py adds to moto's server (with each message's {@code sent_at}).
 */
final class MotoSentMessages implements Supplier<List<Message>> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> DESTINATION_FIELDS = List.of("ToAddresses", "CcAddresses", "BccAddresses");

  private final URI sentMessages;
  private final HttpClient http = HttpClient.newBuilder()
      // moto's server (werkzeug) speaks HTTP/1.1 only; an h2c upgrade offer is a wasted header.
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  MotoSentMessages(URI moto) {
    // Not moto's /moto-api/data.json, which also shows them: it dumps every object moto holds (every
    // DynamoDB item), so its time grows with moto's state (0.35-0.55 s during `make test`).
    this.sentMessages = moto.resolve("/moto-api/coditect/sent-messages");
  }

  /** Every e-mail and SMS moto has sent so far, in no particular order. */
  @Override
  public List<Message> get() {
    HttpRequest request = HttpRequest.newBuilder(sentMessages).timeout(TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("moto's " + sentMessages + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + sentMessages, e);
    }
    if (response.statusCode() == 404) {
      throw new IllegalStateException("moto's " + sentMessages + " answered 404: a moto not run through "
          + "scripts/moto-server, which adds that path");
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("moto's " + sentMessages + " answered " + response.statusCode());
    }
    try {
      return fromSentMessages(JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("moto's " + sentMessages + " is not JSON", e);
    }
  }

  /**
   * The messages of moto's sent-messages ({@code {"emails": [...], "sms": [...]}}). SES v2 sends
   * through moto's SES (v1) backend, so both versions' e-mails are there. An e-mail is one message
   * per recipient (To, Cc and Bcc alike), as each gets it.
   */
  static List<Message> fromSentMessages(JsonNode sent) {
    List<Message> messages = new ArrayList<>();
    for (JsonNode email : sent.path("emails")) {
      body(email).ifPresent(body -> addEmails(messages, email, body));
    }
    for (JsonNode sms : sent.path("sms")) {
      messages.add(new Message("sms", sms.path("phone_number").asText(""), sms.path("message").asText(""),
          sms.path("sent_at").asText("")));
    }
    return messages;
  }

  /** What a person reads of an e-mail; empty for content this reader does not know. */
  private static Optional<String> body(JsonNode email) {
    return switch (email.path("content").asText("")) {
      // SendEmail with Simple content (the contacts' codes): moto keeps the text part, or the HTML
      // part when there is one.
      case "simple" -> Optional.of(email.path("body").asText(""));
      // Raw content: the MIME message as sent; its body is what follows the header block (RFC 5322:
      // the first empty line), not decoded, since the platform sends no raw e-mail.
      case "raw" -> {
        String raw = email.path("raw_data").asText("").replace("\r\n", "\n");
        int headersEnd = raw.indexOf("\n\n");
        yield Optional.of(headersEnd < 0 ? raw : raw.substring(headersEnd + 2));
      }
      // A templated e-mail: moto keeps only the template's name and the data it was filled with
      // (not the template's text), so both are the body.
      case "template" -> Optional.of("template " + email.path("template").asText("") + ": "
          + email.path("template_data").asText(""));
      default -> Optional.empty();
    };
  }

  private static void addEmails(List<Message> messages, JsonNode email, String body) {
    String sentAt = email.path("sent_at").asText("");
    for (String recipient : recipients(email.path("destinations"))) {
      messages.add(new Message("email", recipient, body, sentAt));
    }
  }

  /**
   * The addresses of moto's {@code destinations}: a {@code Destination} mapping (simple and
   * templated e-mails), a list of addresses (raw e-mails), or a list of {@code {"Destination": ...}}
   * (a bulk templated e-mail).
   */
  private static List<String> recipients(JsonNode destinations) {
    List<String> addresses = new ArrayList<>();
    if (destinations.isArray()) {
      for (JsonNode destination : destinations) {
        if (destination.isTextual()) {
          addresses.add(address(destination.asText()));
        } else {
          addresses.addAll(recipients(destination.path("Destination")));
        }
      }
      return addresses;
    }
    for (String field : DESTINATION_FIELDS) {
      for (JsonNode recipient : destinations.path(field)) {
        addresses.add(address(recipient.asText()));
      }
    }
    return addresses;
  }

  /** {@code a@example.com} of {@code "Ann" <a@example.com>}; an address without a display name as it is. */
  private static String address(String recipient) {
    int open = recipient.lastIndexOf('<');
    int close = recipient.lastIndexOf('>');
    return open >= 0 && close > open ? recipient.substring(open + 1, close).trim() : recipient.trim();
  }
}
