package com.coditect.contacts.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** {@code GET /v1/email-addresses?email=}: the address to look up tenant-wide, if asked. */
public record EmailAddressLookup(Optional<String> email) {

  public static EmailAddressLookup from(ApiRequest request) {
    Optional<String> email = request.queryParameter("email");
    if (email.isPresent() && email.get().length() > EmailAddressFields.EMAIL_MAX) {
      throw BadRequestException.forField("email", "must be at most " + EmailAddressFields.EMAIL_MAX + " characters");
    }
    return new EmailAddressLookup(email);
  }
}
