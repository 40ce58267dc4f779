package com.coditect.contacts.domain;

import com.coditect.contacts.data.ContactItem;
import com.coditect.contacts.model.EntityType;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.tenancy.Caller;
import java.util.Set;

/**
 * Who manages whose contacts: every user their own; owners and admins also the tenant's, the
 * orders' and every user's. A contact the caller may not manage does not exist for them (404); a
 * write naming an owner they may not manage is a 403.
 */
final class ContactAccess {

  private ContactAccess() {}

  /**
   * Refuses a caller who may not manage the contacts of {@code type}/{@code id}. A tenant owner
   * other than the caller's own tenant is a 404: no other tenant exists for the caller.
   */
  static void requireManage(Caller caller, EntityType type, String id) {
    if (type == EntityType.TENANT && !caller.tenantId().value().equals(id)) {
      throw new NotFoundException("The tenant was not found.");
    }
    if (!mayManage(caller, type, id)) {
      throw new ForbiddenException(type == EntityType.USER
          ? "Only owners and admins manage other users' contacts."
          : "Only owners and admins manage the contacts of the " + type.apiName() + ".");
    }
  }

  /** A kind of contact some owners cannot have (an order has no phone): 422 naming {@code entity_type}. */
  static void requireOwnerKind(EntityType type, Set<EntityType> allowed, String contacts) {
    if (!allowed.contains(type)) {
      throw UnprocessableException.forField("entity_type", contacts + " cannot belong to "
          + (type == EntityType.ORDER ? "an order" : "a " + type.apiName()) + "; only to "
          + String.join(" or ", allowed.stream().sorted().map(EntityType::apiName).toList()));
    }
  }

  static boolean mayManage(Caller caller, ContactItem<?> contact) {
    return mayManage(caller, contact.entityType(), contact.entityId());
  }

  private static boolean mayManage(Caller caller, EntityType type, String id) {
    return caller.isAdmin() || (type == EntityType.USER && id.equals(caller.userId()));
  }
}
