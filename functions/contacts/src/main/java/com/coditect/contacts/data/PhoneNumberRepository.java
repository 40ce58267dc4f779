package com.coditect.contacts.data;

import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.SingleTable;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Phone numbers: GSI2 holds the tenant's default phones (the spec's {@code (tenant, is_default)}). */
@Singleton
public final class PhoneNumberRepository extends DefaultIndexedRepository<PhoneNumberItem> {

  @Inject
  public PhoneNumberRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, PhoneNumberItem.SCHEMA, ContactKind.PHONE_NUMBER, "phone_type", queries, reads);
  }
}
