package com.coditect.local;

import com.coditect.shared.events.OutboxRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What {@code GET /local/messages} shows: every message the platform sent, newest first, since
 * locally nothing leaves the machine. Messages are seen on the local bus: each {@link Sender} turns
 * the events of one kind into the messages they send (today the workflows' in-app notifications;
 * the contacts part adds one for its e-mail and SMS verification codes). Kept in memory, the latest
 * {@link #KEPT} only.
 */
final class LocalMessages {

  static final int KEPT = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message: {@code channel} is {@code email}, {@code sms} or {@code in_app}; {@code to} an address, number or user id. */
  record Message(String channel, String to, String body, String sentAt) {}

  /** Turns one event on the bus into the messages it sends (none for events of other kinds). */
  @FunctionalInterface
  interface Sender {
    List<Message> messages(String source, String detailType, JsonNode detail);
  }

  /**
   * The workflows' {@code notification.requested}: one in-app message per user id. Channels other
   * than in-app are not the workflows' to send.
   */
  static final Sender WORKFLOW_NOTIFICATIONS = (source, detailType, detail) -> {
    if (!"coditect.workflows".equals(source) || !"notification.requested".equals(detailType)
        || !"in_app".equals(detail.path("channel").asText("in_app"))) {
      return List.of();
    }
    String sentAt = detail.path("occurred_at").asText(Instant.now().toString());
    List<Message> messages = new ArrayList<>();
    for (JsonNode user : detail.path("user_ids")) {
      messages.add(new Message("in_app", user.asText(), detail.path("message").asText(""), sentAt));
    }
    return messages;
  };

  private final List<Sender> senders;
  private final Deque<Message> sent = new ArrayDeque<>();

  LocalMessages(List<Sender> senders) {
    this.senders = List.copyOf(senders);
  }

  /** Looks at one event the bus took (the rule dispatcher calls this for each). */
  void observe(OutboxRecord event) {
    JsonNode detail;
    try {
      detail = JSON.readTree(event.detail());
    } catch (Exception e) {
      return;
    }
    for (Sender sender : senders) {
      for (Message message : sender.messages(event.source(), event.detailType(), detail)) {
        add(message);
      }
    }
  }

  synchronized void add(Message message) {
    sent.addFirst(message);
    while (sent.size() > KEPT) {
      sent.removeLast();
    }
  }

  /** Every message kept, newest first. */
  synchronized List<Message> newestFirst() {
    return List.copyOf(sent);
  }
}
