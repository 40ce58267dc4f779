package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.local.LocalMessages.Message;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotoSentMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void readsEachEmailOncePerRecipientAndEachSmsFromMotosSentMessages() throws Exception {
    String sent = """
        {"emails": [
           {"content": "simple", "subject": "Code", "body": "Code 1",
            "destinations": {"ToAddresses": ["\\"Ann\\" <ann@example.com>"], "CcAddresses": ["cc@example.com"],
                             "BccAddresses": ["bcc@example.com"]},
            "sent_at": "2026-12-04T10:00:00.001Z"},
           {"content": "raw", "destinations": ["raw@example.com"],
            "raw_data": "From: a@b.c\\r\\nSubject: s\\r\\n\\r\\nCode 2\\r\\n", "sent_at": "2026-12-04T10:00:00.002Z"},
           {"content": "template", "template": "code", "template_data": "{\\"code\\": \\"3\\"}",
            "destinations": [{"Destination": {"ToAddresses": ["bulk@example.com"]}}],
            "sent_at": "2026-12-04T10:00:00.003Z"}],
         "sms": [{"phone_number": "+14155550100", "message": "Code 4", "sent_at": "2026-12-04T10:00:00.004Z"}]}
        """;

    assertEquals(List.of(
        new Message("email", "ann@example.com", "Code 1", "2026-12-04T10:00:00.001Z"),
        new Message("email", "cc@example.com", "Code 1", "2026-12-04T10:00:00.001Z"),
        new Message("email", "bcc@example.com", "Code 1", "2026-12-04T10:00:00.001Z"),
        new Message("email", "raw@example.com", "Code 2\n", "2026-12-04T10:00:00.002Z"),
        new Message("email", "bulk@example.com", "template code: {\"code\": \"3\"}", "2026-12-04T10:00:00.003Z"),
        new Message("sms", "+14155550100", "Code 4", "2026-12-04T10:00:00.004Z")),
        MotoSentMessages.fromSentMessages(JSON.readTree(sent)));
  }

  @Test
  void skipsAnEmailOfContentItDoesNotKnow() throws Exception {
    String sent = """
        {"emails": [{"content": "bulk", "destinations": {"ToAddresses": ["ann@example.com"]},
                     "sent_at": "2026-12-04T10:00:00.001Z"}]}
        """;

    assertEquals(List.of(), MotoSentMessages.fromSentMessages(JSON.readTree(sent)));
  }

  @Test
  void readsNothingFromAMotoThatSentNothing() throws Exception {
    assertEquals(List.of(), MotoSentMessages.fromSentMessages(JSON.readTree("{\"emails\": [], \"sms\": []}")));
  }

  @Test
  void listsInAppMessagesAndDeliveredOnesTogetherNewestFirstByInstant() {
    Message email = new Message("email", "ann@example.com", "Code 1", "2026-12-04T10:00:00.500Z");
    Message sms = new Message("sms", "+14155550100", "Code 2", "2026-12-04T10:00:02.000Z");
    LocalMessages messages = new LocalMessages(List.of(), () -> List.of(email, sms));
    // Whole seconds, as some events carry it: as text it would sort after .500Z of the same second.
    Message inApp = new Message("in_app", "user-1", "Approve", "2026-12-04T10:00:00Z");
    Message laterInApp = new Message("in_app", "user-2", "Done", "2026-12-04T10:00:01.000Z");
    messages.add(inApp);
    messages.add(laterInApp);

    assertEquals(List.of(sms, laterInApp, email, inApp), messages.newestFirst());
  }
}
