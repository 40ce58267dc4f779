package com.coditect.contacts.data;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.store.Keys;
import com.coditect.shared.tenancy.TenantId;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * Every key of the contacts function (docs/access-patterns.md, "Contacts"). KIND is ADDRESS,
 * PHONE_NUMBER or EMAIL_ADDRESS; c a contact id; the owner is entity_type and entity_id.
 *
 * <ul>
 *   <li>contact: {@code T#t#KIND#c / KIND}; GSI1 {@code T#t#CONTACTS#<entity_type>#<entity_id>#KIND /
 *       <type>#c} (the owner's list); GSI2 for addresses and phones {@code T#t#DEFAULT_KIND /
 *       <entity_type>#<entity_id>#<type>} (defaults only: the spec's {@code (tenant, is_default)}),
 *       for e-mails {@code T#t#EMAIL_ADDRESS_LOOKUP#<sha256 of the address> / <entity_type>#<entity_id>#c}
 *       (the spec's {@code email} index)
 *   <li>default pointer: {@code T#t#KIND_DEFAULT#<entity_type>#<entity_id>#<type> / KIND_DEFAULT}
 *   <li>verification code: {@code T#t#KIND#c / VERIFICATION}, in its contact's partition, so one
 *       BatchGetItem reads both
 *   <li>the tenant's sends of one hour: {@code T#t#VERIFICATION_SENDS#<yyyy-MM-ddTHH> / VERIFICATION_SENDS}
 * </ul>
 */
public final class ContactKeys {

  static final String VERIFICATION = "VERIFICATION";
  static final String VERIFICATION_SENDS = "VERIFICATION_SENDS";

  private ContactKeys() {}

  public static Key contact(TenantId tenant, ContactKind kind, String id) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(kind.entity(), id).build())
        .sortValue(kind.entity()).build();
  }

  /** The entity's contacts of one kind, live ones only (GSI1). */
  public static String ofEntity(TenantId tenant, ContactKind kind, EntityType entityType, String entityId) {
    return Keys.tenant(tenant).with("CONTACTS").with(entityType.apiName(), entityId).with(kind.entity()).build();
  }

  /** GSI1 sort key: by type, then id (UUIDv7: age). */
  public static String entitySort(String type, String id) {
    return type + "#" + id;
  }

  /** The tenant's default addresses or phones (the spec's {@code (tenant, is_default)}; GSI2, sparse). */
  public static String defaults(TenantId tenant, ContactKind kind) {
    return Keys.tenant(tenant).with("DEFAULT_" + kind.entity()).build();
  }

  /** GSI2 sort key of a default: its entity and type, so one entity's defaults are a prefix. */
  public static String defaultSort(EntityType entityType, String entityId, String type) {
    return entityPrefix(entityType, entityId) + type;
  }

  /** The prefix of one entity's sort keys in {@link #defaults} and {@link #emailLookup}. */
  public static String entityPrefix(EntityType entityType, String entityId) {
    return Keys.of(entityType.apiName(), entityId) + "#";
  }

  /**
   * The e-mail index (the spec's {@code email}): every contact with this address, whatever its
   * case, in the tenant. The address is hashed: it may contain {@code #}, and keys need not show it.
   */
  public static String emailLookup(TenantId tenant, String emailSha256) {
    return Keys.tenant(tenant).with("EMAIL_ADDRESS_LOOKUP", emailSha256).build();
  }

  /** Which contact is the entity's default of one type. */
  public static Key defaultPointer(TenantId tenant, ContactKind kind, EntityType entityType, String entityId,
      String type) {
    String word = kind.entity() + "_DEFAULT";
    return Key.builder().partitionValue(Keys.tenant(tenant).with(word).with(entityType.apiName(), entityId).with(type)
        .build()).sortValue(word).build();
  }

  /** The contact's pending verification code. */
  public static Key verification(TenantId tenant, ContactKind kind, String contactId) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(kind.entity(), contactId).build())
        .sortValue(VERIFICATION).build();
  }

  /** How many codes the tenant sent in one hour ({@code hour} as {@code yyyy-MM-ddTHH}). */
  public static Key tenantSends(TenantId tenant, String hour) {
    return Key.builder().partitionValue(Keys.tenant(tenant).with(VERIFICATION_SENDS, hour).build())
        .sortValue(VERIFICATION_SENDS).build();
  }
}
