package com.coditect.dms.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The tenant's content items: one per distinct SHA-256, with the number of versions using it. */
@Singleton
public final class ContentRepository extends ItemRepository<ContentItem> {

  private static final Expression EXISTS = Expression.builder().expression("attribute_exists(PK)").build();

  @Inject
  public ContentRepository(SingleTable table) {
    super(table, ContentItem.SCHEMA);
  }

  public static Key key(TenantId tenant, String sha256Hex) {
    return DmsKeys.content(tenant, sha256Hex);
  }

  /** New content used by one version; {@code onExists} if another upload of the same bytes won the race. */
  public void createFirstUse(WriteTransaction tx, TenantId tenant, String sha256Hex, long sizeBytes, String now,
      Supplier<? extends RuntimeException> onExists) {
    create(tx, ContentItem.builder()
        .meta(ItemMeta.created(key(tenant, sha256Hex), ContentItem.ENTITY, now))
        .checksum(sha256Hex)
        .filePath(DmsKeys.contentObject(tenant, sha256Hex))
        .sizeBytes(sizeBytes)
        .referenceCount(1L)
        .build(), onExists);
  }

  /** One more version uses existing content ({@code ADD}, so concurrent uses all count); {@code onMissing} if it is gone. */
  public void addUse(WriteTransaction tx, TenantId tenant, String sha256Hex,
      Supplier<? extends RuntimeException> onMissing) {
    tx.update(key(tenant, sha256Hex), "ADD reference_count :one", Map.of(":one", AttributeValue.fromN("1")), EXISTS,
        onMissing);
  }
}
