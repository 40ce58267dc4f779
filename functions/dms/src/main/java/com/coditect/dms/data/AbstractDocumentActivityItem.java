package com.coditect.dms.data;

import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.shared.store.ChoiceConverter;
import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One entry of a document's activity (spec Domain 2.5): {@code PK=T#t#DOC#d, SK=ACTIVITY#a}; GSI1
 * lists a user's document activity ({@code T#t#USER#u#DOC_ACTIVITY}), newest first by id.
 * Append-only, written in the transaction of the change it records.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractDocumentActivityItem implements StoredItem<DocumentActivityItem> {

  public static final String ENTITY = "DOCUMENT_ACTIVITY";

  public abstract String id();

  public abstract String documentId();

  public abstract @Nullable String userId();

  public abstract DocumentActivityAction action();

  public abstract @Nullable String ipAddress();

  public abstract @Nullable String userAgent();

  public static final TableSchema<DocumentActivityItem> SCHEMA =
      StaticImmutableTableSchema.builder(DocumentActivityItem.class, DocumentActivityItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(DocumentActivityItem::builder, DocumentActivityItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, DocumentActivityItem::meta, DocumentActivityItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("id").getter(DocumentActivityItem::id)
              .setter(DocumentActivityItem.Builder::id))
          .addAttribute(String.class, a -> a.name("document_id").getter(DocumentActivityItem::documentId)
              .setter(DocumentActivityItem.Builder::documentId))
          .addAttribute(String.class, a -> a.name("user_id").getter(DocumentActivityItem::userId)
              .setter(DocumentActivityItem.Builder::userId))
          .addAttribute(DocumentActivityAction.class, a -> a.name("action").getter(DocumentActivityItem::action)
              .setter(DocumentActivityItem.Builder::action).attributeConverter(ChoiceConverter.of(DocumentActivityAction.class)))
          .addAttribute(String.class, a -> a.name("ip_address").getter(DocumentActivityItem::ipAddress)
              .setter(DocumentActivityItem.Builder::ipAddress))
          .addAttribute(String.class, a -> a.name("user_agent").getter(DocumentActivityItem::userAgent)
              .setter(DocumentActivityItem.Builder::userAgent))
          .build();
}
