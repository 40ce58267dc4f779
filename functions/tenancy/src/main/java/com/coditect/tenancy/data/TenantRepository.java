package com.coditect.tenancy.data;

import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;

/** Reads tenants; writes go through the services' transactions. */
@Singleton
public final class TenantRepository {

  private final DynamoDbTable<TenantItem> table;

  @Inject
  public TenantRepository(SingleTable table) {
    this.table = table.view(TenantItem.SCHEMA);
  }

  public DynamoDbTable<TenantItem> table() {
    return table;
  }

  /** One GetItem. */
  public Optional<TenantItem> find(TenantId tenant) {
    return Optional.ofNullable(table.getItem(TenancyKeys.tenant(tenant))).filter(t -> !t.isDeleted());
  }
}
