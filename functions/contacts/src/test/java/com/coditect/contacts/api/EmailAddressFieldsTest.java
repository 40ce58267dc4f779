package com.coditect.contacts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.json.Json;
import org.junit.jupiter.api.Test;

/** E-mail syntax by JMail, not a regex of ours; the domain lower-cased, the local part as typed. */
class EmailAddressFieldsTest {

  private static final String OWNER = "\"entity_type\":\"user\",\"entity_id\":\"01a24000-0000-7000-8000-000000000001\","
      + "\"email_type\":\"work\"";

  @Test
  void theDomainIsLowerCasedAndTheLocalPartKept() {
    assertEquals("Ada.Lovelace@analytical.example", create("Ada.Lovelace@Analytical.EXAMPLE").email());
    assertEquals("o'brien+tag@example.org", create("o'brien+tag@Example.org").email());
    assertEquals("ada@example.com", create("  ada@example.com ").email());
  }

  @Test
  void whatIsNoAddressIsA400NamingEmail() {
    for (String bad : new String[] {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com",
        "ada..lovelace@example.com", "ada@[192.168.0.1]", "Ada <ada@example.com>", "ada(comment)@example.com",
        "ada lovelace@example.com", ".ada@example.com"}) {
      BadRequestException refused = assertThrows(BadRequestException.class, () -> create(bad), bad);
      assertEquals("email", refused.errors().get(0).field(), bad);
    }
  }

  private static CreateEmailAddressRequest create(String email) {
    return CreateEmailAddressRequest.from(Json.readTree("{" + OWNER + ",\"email\":" + Json.newMapper().valueToTree(email).toString() + "}"));
  }
}
