package com.coditect.contacts.data;

import com.coditect.shared.store.ItemMeta;
import com.coditect.shared.store.ItemStyle;
import com.coditect.shared.store.PlatformConverters;
import com.coditect.shared.store.StoredItem;
import org.immutables.value.Value;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * Which contact is an entity's default of one kind and type ({@link ContactKeys#defaultPointer}).
 * Every change of that default writes it conditionally on the version read, in the transaction
 * that flips the contacts' {@code is_default}, so of concurrent changes one wins and the entity
 * never has two defaults.
 */
@Value.Immutable
@ItemStyle
abstract class AbstractContactDefaultItem implements StoredItem<ContactDefaultItem> {

  public static final String ENTITY = "CONTACT_DEFAULT";

  public abstract String contactId();

  public static final TableSchema<ContactDefaultItem> SCHEMA =
      StaticImmutableTableSchema.builder(ContactDefaultItem.class, ContactDefaultItem.Builder.class)
          .attributeConverterProviders(PlatformConverters.INSTANCE)
          .newItemBuilder(ContactDefaultItem::builder, ContactDefaultItem.Builder::build)
          .flatten(ItemMeta.SCHEMA, ContactDefaultItem::meta, ContactDefaultItem.Builder::meta)
          .addAttribute(String.class, a -> a.name("contact_id").getter(ContactDefaultItem::contactId)
              .setter(ContactDefaultItem.Builder::contactId))
          .build();
}
