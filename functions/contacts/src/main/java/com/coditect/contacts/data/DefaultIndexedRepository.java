package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.BatchGets;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.Queries;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A kind whose defaults are listed tenant-wide (addresses, phones): a default contact alone has
 * GSI2 keys, {@code T#t#DEFAULT_<KIND>} / {@code <entity_type>#<entity_id>#<type>}, so the index is
 * sparse and one owner's defaults are a prefix of it.
 */
public abstract class DefaultIndexedRepository<I extends ContactItem<I>> extends ContactRepository<I> {

  private final String typeAttribute;

  protected DefaultIndexedRepository(SingleTable table, TableSchema<I> schema, ContactKind kind, String typeAttribute,
      Queries queries, BatchGets reads) {
    super(table, schema, kind, queries, reads);
    this.typeAttribute = typeAttribute;
  }

  /**
   * The tenant's defaults of this kind, of every owner or of one owner type, of one contact type or
   * all: one Query on the sparse GSI2 (the contact type is a filter: it follows the owner in the key).
   */
  public ResultPage<I> listDefaults(TenantId tenant, Optional<EntityType> entityType, Optional<String> type,
      PageRequest page) {
    String partition = ContactKeys.defaults(tenant, kind);
    String prefix = entityType.map(owner -> owner.apiName() + "#").orElse("");
    QueryConditional condition = prefix.isEmpty()
        ? QueryConditional.keyEqualTo(Key.builder().partitionValue(partition).build())
        : QueryConditional.sortBeginsWith(Key.builder().partitionValue(partition).sortValue(prefix).build());
    Expression filter = type.map(t -> Expression.builder().expression("#type = :type")
        .expressionNames(Map.of("#type", typeAttribute)).expressionValues(Map.of(":type", AttributeValue.fromS(t)))
        .build()).orElse(null);
    return queries.page(table, ItemMeta.GSI2, condition, filter, page, partition + "|" + prefix + "|" + type.orElse(""),
        false);
  }

  @Override
  protected boolean hasDefaultsIndex() {
    return true;
  }

  @Override
  protected I withIndex2(TenantId tenant, I contact) {
    return contact.isDefault()
        ? contact.withIndex2(ContactKeys.defaults(tenant, kind),
            ContactKeys.defaultSort(contact.entityType(), contact.entityId(), contact.type()))
        : contact.withIndex2(null, null);
  }
}
