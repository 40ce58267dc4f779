package com.coditect.contacts.domain;

import com.coditect.contacts.api.VerificationSentResponse;
import com.coditect.contacts.data.ContactItem;
import com.coditect.contacts.data.ContactRepository;
import com.coditect.contacts.data.OwnerRepository;
import com.coditect.contacts.data.VerificationItem;
import com.coditect.contacts.data.VerificationSends;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.BadGatewayException;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.TooManyRequestsException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.DomainEvent.FieldChange;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A contact that proves itself with a one-time code (phones by SMS, e-mail addresses by e-mail),
 * by {@link VerificationRules}. {@code verify} stores the new code's hash (replacing any older
 * code) and counts the send against the contact's and the tenant's limits in one transaction, then
 * sends it: a failed send leaves the code stored, and a new one can be asked for after the
 * interval. {@code confirm} marks the contact verified and removes the code in one transaction.
 */
public abstract class VerifiableContactService<I extends ContactItem<I>, R> extends ContactService<I, R> {

  private final Transactions transactions;
  private final VerificationSends sends;
  private final String channel;

  protected VerifiableContactService(ContactRepository<I> contacts, OwnerRepository owners, Outbox outbox,
      VersionedWriter writer, Clock clock, Transactions transactions, VerificationSends sends, Function<I, R> view,
      String type, String notFound, String channel) {
    super(contacts, owners, outbox, writer, clock, view, type, notFound);
    this.transactions = transactions;
    this.sends = sends;
    this.channel = channel;
  }

  /** Where the code goes: the E.164 number or the e-mail address. */
  protected abstract String destination(I contact);

  /** Sends {@code code} to the contact (after the code is stored). */
  protected abstract void deliver(I contact, String code);

  public VerificationSentResponse sendCode(Caller caller, String id) {
    TenantId tenant = caller.tenantId();
    ContactRepository.ContactAndCode<I> read = contacts.findLiveWithCode(tenant, id);
    I contact = read.contact().filter(c -> ContactAccess.mayManage(caller, c)).orElseThrow(this::notFound);
    if (contact.isVerified()) {
      throw new ConflictException("The " + readableType() + " is already verified.");
    }
    Instant now = clock.instant();
    VerificationRules.sendWait(read.code(), now).ifPresent(seconds -> {
      throw new TooManyRequestsException("A code was sent to this " + readableType() + " moments ago; wait before asking"
          + " for another.", seconds);
    });
    String code = VerificationRules.newCode();
    VerificationItem.Builder base = VerificationItem.builder().meta(read.code().map(VerificationItem::meta)
        .map(meta -> meta.withVersion(meta.version() + 1).withUpdatedAt(Timestamps.format(now)))
        .orElseGet(() -> contacts.newCodeMeta(tenant, id, Timestamps.format(now))));
    VerificationItem stored = VerificationRules.newCode(base, read.code(), id, destination(contact), code, now);
    long expiry = now.plus(VerificationRules.LIFETIME).plusSeconds(86_400).getEpochSecond();
    stored = stored.withMeta(stored.meta().withTtl(expiry));
    WriteTransaction tx = transactions.begin();
    contacts.saveCode(tx, stored, read.code(), () -> new ConflictException(
        "Another code was just sent to this " + readableType() + "; use that one."));
    sends.countOne(tx, tenant, VerificationRules.hour(now), VerificationRules.TENANT_MAX_SENDS_PER_HOUR, expiry,
        () -> new TooManyRequestsException("The tenant has sent as many verification codes as it may this hour.",
            VerificationRules.secondsToNextHour(now)));
    outbox.record(tx, tenant, caller.actor(), type() + ".verification_sent", type(), id,
        Map.of("verification_expires_at", new FieldChange(null, stored.expiresAt())));
    tx.commit();
    try {
      deliver(contact, code);
    } catch (BadGatewayException notSent) {
      undoSend(caller, id, stored, read.code(), now);
      throw notSent;
    }
    return new VerificationSentResponse(id, channel, stored.expiresAt());
  }

  /**
   * A code SES or SNS refused was never sent: the stored code goes back to what it was (the older
   * code, or none) and the tenant's count down by one, at the versions just written, with a
   * {@code *.verification_failed} event; so a 502 leaves the limits as they were and the caller
   * may ask again at once. Should that fail too (a concurrent send), the newer state stands.
   */
  private void undoSend(Caller caller, String id, VerificationItem stored, Optional<VerificationItem> before,
      Instant now) {
    TenantId tenant = caller.tenantId();
    Supplier<ConflictException> changed = () -> new ConflictException("The code was written meanwhile.");
    WriteTransaction tx = transactions.begin();
    if (before.isPresent()) {
      contacts.saveCode(tx, before.get().withMeta(before.get().meta().withVersion(stored.version() + 1)
          .withUpdatedAt(Timestamps.format(now))), Optional.of(stored), changed);
    } else {
      contacts.deleteCodeAt(tx, stored, changed);
    }
    // The hour of the send (now is the send's instant), so the same counter item.
    sends.uncountOne(tx, tenant, VerificationRules.hour(now), changed);
    outbox.record(tx, tenant, caller.actor(), type() + ".verification_failed", type(), id,
        Map.of("verification_expires_at", new FieldChange(stored.expiresAt(), null)));
    try {
      tx.commit();
    } catch (ConflictException changedMeanwhile) {
      // Another send or a confirm wrote the code since: its state is the newer one.
    }
  }

  /**
   * Confirms the contact with {@code code}: right, it is verified and the code is gone; wrong, the
   * failure is counted (at the limit the code is void and confirming locked: 429); no valid code
   * (none sent, expired, replaced, used, or sent to what the contact no longer is): 422.
   */
  public Versioned<R> confirm(Caller caller, String id, String code) {
    TenantId tenant = caller.tenantId();
    ContactRepository.ContactAndCode<I> read = contacts.findLiveWithCode(tenant, id);
    I contact = read.contact().filter(c -> ContactAccess.mayManage(caller, c)).orElseThrow(this::notFound);
    Instant now = clock.instant();
    switch (VerificationRules.check(read.code(), id, destination(contact), code, now)) {
      case NONE -> throw UnprocessableException.forField("code",
          "has expired, was replaced by a newer one or was never sent; ask for a new code with verify");
      case LOCKED -> throw new TooManyRequestsException("Too many wrong codes; wait, then ask for a new code.",
          VerificationRules.lockWait(read.code().get(), now));
      case WRONG -> {
        VerificationItem failed = VerificationRules.failed(read.code().get(), now)
            .nextVersion(Timestamps.format(now));
        WriteTransaction tx = transactions.begin();
        contacts.saveCode(tx, failed, read.code(), () -> new ConflictException("The code was just used or replaced."));
        tx.commit();
        if (failed.lockedUntil() != null) {
          throw new TooManyRequestsException("Too many wrong codes; wait, then ask for a new code.",
              VerificationRules.lockWait(failed, now));
        }
        throw UnprocessableException.forField("code", "is wrong");
      }
      case CONFIRMED -> {
        return writer.update(tenant, caller.actor(), resource, contact, Optional.empty(), type() + ".verified",
            c -> c.withIsVerified(true), (verified, tx) -> contacts.deleteCodeAt(tx, read.code().get(),
                () -> new ConflictException("The code was just used or replaced.")));
      }
      default -> throw new IllegalStateException();
    }
  }

  private NotFoundException notFound() {
    return new NotFoundException("The " + readableType() + " was not found.");
  }

  private String readableType() {
    return type().replace('_', ' ');
  }
}
