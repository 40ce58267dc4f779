package com.coditect.contacts.domain;

import com.coditect.contacts.api.CreatePhoneNumberRequest;
import com.coditect.contacts.api.PhoneNumberResponse;
import com.coditect.contacts.api.UpdatePhoneNumberRequest;
import com.coditect.contacts.data.OwnerRepository;
import com.coditect.contacts.data.PhoneNumberItem;
import com.coditect.contacts.data.PhoneNumberRepository;
import com.coditect.contacts.data.VerificationMessages;
import com.coditect.contacts.data.VerificationSends;
import com.coditect.contacts.model.PhoneType;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.Idempotency;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Phone numbers, stored in E.164 ({@link PhoneNumbers}), one number (with its extension) once per
 * owner (a unique sentinel: 409), verified by SMS. The owner's {@code phone_number} (a user's or
 * the tenant's) is its default work phone's E.164 number: this function leads, and writes it in
 * every transaction that changes which number that is (or removes it when there is none).
 */
@Singleton
public final class PhoneNumberService extends VerifiableContactService<PhoneNumberItem, PhoneNumberResponse> {

  static final String TYPE = "phone_number";
  private static final String UNIQUE = "PHONE_NUMBER";

  private final VerificationMessages messages;

  @Inject
  PhoneNumberService(PhoneNumberRepository phones, OwnerRepository owners, Outbox outbox, VersionedWriter writer,
      Clock clock, Transactions transactions, VerificationSends sends, VerificationMessages messages) {
    super(phones, owners, outbox, writer, clock, transactions, sends, PhoneNumberResponse::from, TYPE,
        "The phone number was not found.", "sms");
    this.messages = messages;
  }

  public Created<PhoneNumberResponse> create(Caller caller, CreatePhoneNumberRequest request,
      Idempotency.Lookup idempotency) {
    TenantId tenant = caller.tenantId();
    ContactAccess.requireOwnerKind(request.entityType(), CreatePhoneNumberRequest.OWNERS, "Phone numbers");
    PhoneNumbers.Normalised number = PhoneNumbers.normalise(request.countryCode(), request.phoneNumber(),
        request.extension());
    String id = Ids.newId();
    PhoneNumberItem phone = PhoneNumberItem.builder()
        .meta(contacts.newMeta(tenant, id, Timestamps.now(clock)))
        .id(id)
        .entityType(request.entityType())
        .entityId(request.entityId())
        .phoneType(request.phoneType())
        .label(request.label())
        .countryCode(number.dialingCode())
        .region(number.region())
        .phoneNumber(number.e164())
        .rawInput(request.phoneNumber())
        .extension(number.extension())
        .isDefault(false)
        .isVerified(false)
        .build();
    return create(caller, phone, request.isDefault(), "/v1/phone-numbers/" + id, idempotency,
        tx -> tx.claimUnique(tenant, UNIQUE, uniqueValue(phone), id, PhoneNumberService::duplicate));
  }

  /**
   * A new number (or country code, or extension) is read again and is unverified: its pending code
   * is void. The unique sentinel moves with it.
   */
  public Versioned<PhoneNumberResponse> update(Caller caller, String id, Optional<Long> ifMatch,
      UpdatePhoneNumberRequest request) {
    TenantId tenant = caller.tenantId();
    PhoneNumberItem phone = findManaged(caller, id);
    boolean numberSent = request.countryCode().isPresent() || request.phoneNumber().isPresent()
        || request.extension().isPresent();
    PhoneNumbers.Normalised number = numberSent
        ? PhoneNumbers.normalise(request.countryCode().orElse(phone.countryCode()),
            request.phoneNumber().orElse(phone.rawInput()), request.extension().orElse(phone.extension()))
        : new PhoneNumbers.Normalised(phone.phoneNumber(), phone.countryCode(), phone.region(), phone.extension());
    boolean numberChanges = !number.e164().equals(phone.phoneNumber())
        || !Objects.equals(number.extension(), phone.extension());
    return update(caller, phone, ifMatch, request.isDefault(), p -> p
        .withPhoneType(request.phoneType().orElse(p.phoneType()))
        .withLabel(request.label().orElse(p.label()))
        .withCountryCode(number.dialingCode())
        .withRegion(number.region())
        .withPhoneNumber(number.e164())
        .withRawInput(request.phoneNumber().orElse(p.rawInput()))
        .withExtension(number.extension())
        .withIsVerified(!numberChanges && p.isVerified()),
        (before, after, tx) -> {
          if (numberChanges) {
            tx.moveUnique(tenant, UNIQUE, uniqueValue(before), uniqueValue(after), id, "phone_number");
            contacts.deleteCode(tx, tenant, id);
          }
        });
  }

  /**
   * The owner's {@code phone_number} follows its default work phone: set when a number becomes it
   * (or it changes number), removed when none is left.
   */
  @Override
  protected boolean syncOwner(WriteTransaction tx, TenantId tenant, PhoneNumberItem before, PhoneNumberItem after,
      String now) {
    boolean wasWorkDefault = isWorkDefault(before);
    boolean isWorkDefault = isWorkDefault(after);
    PhoneNumberItem owner = after != null ? after : before;
    if (isWorkDefault && (!wasWorkDefault || !after.phoneNumber().equals(before.phoneNumber()))) {
      owners.copyWorkPhone(tx, tenant, owner.entityType(), owner.entityId(), after.phoneNumber(), now, this::ownerNotFound);
      return true;
    }
    if (wasWorkDefault && !isWorkDefault) {
      owners.copyWorkPhone(tx, tenant, owner.entityType(), owner.entityId(), null, now, this::ownerNotFound);
      return true;
    }
    return false;
  }

  @Override
  protected void released(WriteTransaction tx, TenantId tenant, PhoneNumberItem phone) {
    tx.releaseUnique(tenant, UNIQUE, uniqueValue(phone));
  }

  @Override
  protected String destination(PhoneNumberItem phone) {
    return phone.phoneNumber();
  }

  @Override
  protected void deliver(PhoneNumberItem phone, String code) {
    messages.sendSms(phone.phoneNumber(), "Your CODITECT verification code is " + code + ". It expires in 24 hours.");
  }

  private static boolean isWorkDefault(PhoneNumberItem phone) {
    return phone != null && !phone.isDeleted() && phone.isDefault() && phone.phoneType() == PhoneType.WORK;
  }

  /** One number per owner: the owner, the E.164 number and the extension (two extensions are two phones). */
  private static String uniqueValue(PhoneNumberItem phone) {
    return phone.entityType().apiName() + ":" + phone.entityId() + ":" + phone.phoneNumber()
        + (phone.extension() == null ? "" : ";ext=" + phone.extension());
  }

  private static ConflictException duplicate() {
    return new ConflictException("This number (with this extension) is already one of the owner's phone numbers.");
  }
}
