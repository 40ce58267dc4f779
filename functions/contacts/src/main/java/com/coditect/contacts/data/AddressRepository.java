package com.coditect.contacts.data;

import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.SingleTable;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Addresses: GSI2 holds the tenant's default addresses (the spec's {@code (tenant, is_default)}). */
@Singleton
public final class AddressRepository extends DefaultIndexedRepository<AddressItem> {

  @Inject
  public AddressRepository(SingleTable table, Queries queries, BatchGets reads) {
    super(table, AddressItem.SCHEMA, ContactKind.ADDRESS, "address_type", queries, reads);
  }
}
