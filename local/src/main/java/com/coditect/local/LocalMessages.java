package com.coditect.local;

import com.coditect.shared.events.OutboxRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code GET /local/messages} shows: every message the platform sent, newest first, since
 * locally nothing leaves the machine. Two sources, merged by {@code sent_at}:
 * <ul>
 *   <li>in-app messages, seen on the local bus: each {@link Sender} turns the events of one kind
 *       into the messages they send (the workflows' notifications). Kept in memory, the latest
 *       {@link #KEPT} only.
 *   <li>e-mails and SMS (the contacts' verification codes), which the functions send through SES
 *       and SNS, i.e. to moto locally: read from moto each time ({@link MotoSentMessages}), as what
 *       SES and SNS would have delivered. They never travel on the bus: the bus feeds the audit log,
 *       and a code must not end up there.
 * </ul>
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

  /** Newest first; a {@code sent_at} that is not an instant (there should be none) sorts last. */
  private static final Comparator<Message> NEWEST_FIRST =
      Comparator.comparing((Message message) -> instant(message.sentAt())).reversed();

  private final List<Sender> senders;
  private final Supplier<List<Message>> delivered;
  private final Deque<Message> sent = new ArrayDeque<>();

  /** {@code delivered}: the e-mails and SMS sent outside the bus, read anew for each listing. */
  LocalMessages(List<Sender> senders, Supplier<List<Message>> delivered) {
    this.senders = List.copyOf(senders);
    this.delivered = delivered;
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

  /**
   * Every message, newest first: the in-app ones kept and the e-mails and SMS delivered so far.
   * Fails when the delivered ones cannot be read (moto not answering).
   */
  List<Message> newestFirst() {
    List<Message> all;
    synchronized (this) {
      all = new ArrayList<>(sent);
    }
    // Delivered ones come oldest first (moto keeps them in the order sent): reversed, messages
    // sent in the same millisecond stay newest first through the stable sort below too.
    List<Message> deliveredSoFar = new ArrayList<>(delivered.get());
    Collections.reverse(deliveredSoFar);
    all.addAll(deliveredSoFar);
    all.sort(NEWEST_FIRST);
    return List.copyOf(all);
  }

  /**
   * Sorting by the text of {@code sent_at} would not do: the sources may write it with different
   * precisions, and as text 2026-12-04T10:15:30Z comes after 2026-12-04T10:15:30.120Z.
   */
  private static Instant instant(String sentAt) {
    if (sentAt == null) {
      return Instant.MIN;
    }
    try {
      return Instant.parse(sentAt);
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }
}
