package com.coditect.testing;

import com.coditect.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The verification codes the contacts function sent through SES and SNS, read back from what the
 * tests' moto kept ({@code GET /moto-api/coditect/sent-messages} of scripts/moto_server.py), as a
 * person reads them from their inbox or phone.
 */
public final class SentCodes {

  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private SentCodes() {}

  /** The bodies of the SMS moto was given for {@code e164}, oldest first. */
  public static List<String> smsTo(String e164) {
    List<String> bodies = new ArrayList<>();
    sent().path("sms").forEach(sms -> {
      if (e164.equals(sms.path("phone_number").asText())) {
        bodies.add(sms.path("message").asText());
      }
    });
    return bodies;
  }

  /** The bodies of the e-mails moto was given with {@code address} among their To addresses, oldest first. */
  public static List<String> emailsTo(String address) {
    List<String> bodies = new ArrayList<>();
    sent().path("emails").forEach(email -> {
      for (JsonNode to : email.path("destinations").path("ToAddresses")) {
        if (address.equals(to.asText())) {
          bodies.add(email.path("body").asText());
        }
      }
    });
    return bodies;
  }

  /** The six-digit code of the newest of {@code bodies}. */
  public static String newestCode(List<String> bodies) {
    if (bodies.isEmpty()) {
      throw new AssertionError("no message was sent");
    }
    Matcher code = CODE.matcher(bodies.get(bodies.size() - 1));
    if (!code.find()) {
      throw new AssertionError("no code in " + bodies.get(bodies.size() - 1));
    }
    return code.group(1);
  }

  private static JsonNode sent() {
    URI uri = URI.create(MotoServer.endpoint() + "/moto-api/coditect/sent-messages");
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new AssertionError(uri + ": HTTP " + response.statusCode() + " (is moto scripts/moto-server?)");
      }
      return Json.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
