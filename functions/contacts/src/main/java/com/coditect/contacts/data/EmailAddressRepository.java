package com.coditect.contacts.data;

import com.coditect.shared.digest.Sha256;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Locale;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * E-mail addresses: GSI2 is the spec's {@code email} index, every contact of the tenant with one
 * address (compared without case), so "who has this address" is one Query.
 */
@Singleton
public final class EmailAddressRepository extends ContactRepository<EmailAddressItem> {

  @Inject
  public EmailAddressRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, EmailAddressItem.SCHEMA, ContactKind.EMAIL_ADDRESS, queries, reads);
  }

  /** The tenant's live contacts with {@code email} (any case): one Query on GSI2. */
  public ResultPage<EmailAddressItem> listByEmail(TenantId tenant, String email, PageRequest page) {
    String partition = ContactKeys.emailLookup(tenant, lookupHash(email));
    return queries.page(table, ItemMeta.GSI2, QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build()),
        null, page, partition, false);
  }

  /** The hash an address is found by (and is unique by, per owner): of the whole address in lower case. */
  public static String lookupHash(String email) {
    return Sha256.hex(email.toLowerCase(Locale.ROOT));
  }

  @Override
  protected boolean hasDefaultsIndex() {
    return false;
  }

  @Override
  protected EmailAddressItem withIndex2(TenantId tenant, EmailAddressItem contact) {
    return contact.withIndex2(ContactKeys.emailLookup(tenant, lookupHash(contact.email())),
        ContactKeys.entityPrefix(contact.entityType(), contact.entityId()) + contact.id());
  }
}
