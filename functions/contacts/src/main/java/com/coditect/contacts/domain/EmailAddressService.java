package com.coditect.contacts.domain;

import com.coditect.contacts.api.CreateEmailAddressRequest;
import com.coditect.contacts.api.EmailAddressResponse;
import com.coditect.contacts.api.UpdateEmailAddressRequest;
import com.coditect.contacts.data.EmailAddressItem;
import com.coditect.contacts.data.EmailAddressRepository;
import com.coditect.contacts.data.OwnerRepository;
import com.coditect.contacts.data.VerificationMessages;
import com.coditect.contacts.data.VerificationSends;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * E-mail addresses: unique per owner without regard to case (a sentinel: 409), found tenant-wide
 * by address ({@code ?email=}, the spec's index), verified by a code sent through SES. Changing
 * the address makes it unverified and voids its pending code.
 */
@Singleton
public final class EmailAddressService extends VerifiableContactService<EmailAddressItem, EmailAddressResponse> {

  static final String TYPE = "email_address";
  private static final String UNIQUE = "EMAIL_ADDRESS";

  private final EmailAddressRepository emails;
  private final VerificationMessages messages;

  @Inject
  EmailAddressService(EmailAddressRepository emails, OwnerRepository owners, Outbox outbox, VersionedWriter writer,
      Clock clock, Transactions transactions, VerificationSends sends, VerificationMessages messages) {
    super(emails, owners, outbox, writer, clock, transactions, sends, EmailAddressResponse::from, TYPE,
        "The e-mail address was not found.", "email");
    this.emails = emails;
    this.messages = messages;
  }

  /** Who in the tenant has this address (owners and admins only: it crosses users): one Query. */
  public ResultPage<EmailAddressResponse> listByEmail(Caller caller, String email, PageRequest page) {
    if (!caller.isAdmin()) {
      throw ForbiddenException.forField("email", "only owners and admins look addresses up across the tenant");
    }
    return emails.listByEmail(caller.tenantId(), email, page).map(EmailAddressResponse::from);
  }

  public Created<EmailAddressResponse> create(Caller caller, CreateEmailAddressRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    ContactAccess.requireOwnerKind(request.entityType(), CreateEmailAddressRequest.OWNERS, "E-mail addresses");
    String id = Ids.newId();
    EmailAddressItem email = EmailAddressItem.builder()
        .meta(contacts.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .entityType(request.entityType())
        .entityId(request.entityId())
        .emailType(request.emailType())
        .label(request.label())
        .email(request.email())
        .isDefault(false)
        .isVerified(false)
        .build();
    return create(caller, email, request.isDefault(), "/v1/email-addresses/" + id, idempotency,
        tx -> tx.claimUnique(tenant, UNIQUE, uniqueValue(email), id, EmailAddressService::duplicate));
  }

  public Versioned<EmailAddressResponse> update(Caller caller, String id, Optional<Long> ifMatch,
      UpdateEmailAddressRequest request) {
    TenantId tenant = caller.tenantId();
    EmailAddressItem email = findManaged(caller, id);
    boolean addressChanges = request.email().isPresent() && !request.email().value().equals(email.email());
    return update(caller, email, ifMatch, request.isDefault(), e -> e
        .withEmailType(request.emailType().orElse(e.emailType()))
        .withLabel(request.label().orElse(e.label()))
        .withEmail(request.email().orElse(e.email()))
        .withIsVerified(!addressChanges && e.isVerified()),
        (before, after, tx) -> {
          if (addressChanges) {
            tx.moveUnique(tenant, UNIQUE, uniqueValue(before), uniqueValue(after), id, "email");
            contacts.deleteCode(tx, tenant, id);
          }
        });
  }

  @Override
  protected void released(WriteTransaction tx, TenantId tenant, EmailAddressItem email) {
    tx.releaseUnique(tenant, UNIQUE, uniqueValue(email));
  }

  @Override
  protected String destination(EmailAddressItem email) {
    return email.email();
  }

  @Override
  protected void deliver(EmailAddressItem email, String code) {
    messages.sendEmail(email.email(), "Your CODITECT verification code",
        "Your code to verify this e-mail address is " + code + ".\n\nIt expires in 24 hours. If you did not ask"
            + " for it, ignore this message.");
  }

  /** One address per owner, whatever its case (hashed: an address may contain characters keys may not). */
  private static String uniqueValue(EmailAddressItem email) {
    return email.entityType().apiName() + ":" + email.entityId() + ":" + EmailAddressRepository.lookupHash(email.email());
  }

  private static ConflictException duplicate() {
    return new ConflictException("This address is already one of the owner's e-mail addresses.");
  }
}
