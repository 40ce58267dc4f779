package com.coditect.contacts.domain;

import com.coditect.contacts.data.OwnerRepository;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.events.Actor;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Removes the contacts of a deleted user, in reaction to {@code user.deleted}: by an event
 * consumer, since a user's contacts are unbounded and a request's call count must not be. The
 * user's item decides, not the event: a user who is not deleted keeps every contact. Each contact
 * goes in its own transaction with its event (for the audit log); a redelivery finds none left.
 */
@Singleton
public final class OwnerCleanup {

  private static final Actor ACTOR = Actor.system("contacts-cleanup");

  private final OwnerRepository owners;
  private final AddressService addresses;
  private final PhoneNumberService phones;
  private final EmailAddressService emails;

  @Inject
  OwnerCleanup(OwnerRepository owners, AddressService addresses, PhoneNumberService phones, EmailAddressService emails) {
    this.owners = owners;
    this.addresses = addresses;
    this.phones = phones;
    this.emails = emails;
  }

  /** @return how many contacts were removed (none when the user is not deleted) */
  public int removeContactsOfUser(TenantId tenant, String userId) {
    if (!owners.isGone(tenant, EntityType.USER, userId)) {
      return 0;
    }
    return addresses.removeAllOf(tenant, ACTOR, EntityType.USER, userId)
        + phones.removeAllOf(tenant, ACTOR, EntityType.USER, userId)
        + emails.removeAllOf(tenant, ACTOR, EntityType.USER, userId);
  }
}
