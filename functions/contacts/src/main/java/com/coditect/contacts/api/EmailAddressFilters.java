package com.coditect.contacts.api;

import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import java.util.Optional;

/** The look-up filter of {@code GET /v1/email-addresses}: {@code ?email=}, an address to find tenant-wide. */
public record EmailAddressFilters(Optional<String> email) {

  public static EmailAddressFilters from(ApiRequest request) {
    Optional<String> email = request.queryParameter("email");
    if (email.isPresent() && email.get().length() > EmailAddressFields.EMAIL_MAX) {
      throw BadRequestException.forField("email", "must be at most " + EmailAddressFields.EMAIL_MAX + " characters");
    }
    return new EmailAddressFilters(email);
  }
}
