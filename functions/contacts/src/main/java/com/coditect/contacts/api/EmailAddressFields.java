package com.coditect.contacts.api;

import com.coditect.shared.json.JsonFields;
import com.sanctionco.jmail.Email;
import com.sanctionco.jmail.EmailValidator;
import com.sanctionco.jmail.JMail;
import java.util.Locale;
import java.util.Optional;

/**
 * An e-mail address checked by JMail (RFC 5321/5322 syntax, with a top-level domain, no IP literal,
 * no comments: addresses people receive mail at), stored with its domain in lower case. The local part
 * keeps its case: RFC 5321 lets a server tell {@code Ada} from {@code ada}, although uniqueness and
 * look-ups ignore case.
 */
public final class EmailAddressFields {

  public static final int EMAIL_MAX = 254;
  // Comments and folding white space are valid RFC 5322 but no one types them into a form, and a
  // stored address must be one a mail server is sent as is.
  private static final EmailValidator VALIDATOR = JMail.strictValidator()
      .requireTopLevelDomain()
      .disallowIpDomain()
      .disallowQuotedIdentifiers()
      .withRule(email -> email.comments().isEmpty() && !email.containsWhitespace(), "comments or white space");

  private EmailAddressFields() {}

  /** The address with its domain lower-cased, or null with a 400 naming {@code email}. */
  static String normalised(JsonFields fields, String email) {
    if (email == null) {
      return null;
    }
    Optional<Email> parsed = VALIDATOR.tryParse(email.strip());
    if (parsed.isEmpty()) {
      fields.error("email", "must be an e-mail address like ada@example.com");
      return null;
    }
    Email address = parsed.get();
    return address.localPart() + "@" + address.domain().toLowerCase(Locale.ROOT);
  }
}
