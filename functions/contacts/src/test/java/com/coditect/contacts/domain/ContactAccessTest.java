package com.coditect.contacts.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.contacts.model.EntityType;
import com.coditect.shared.error.ForbiddenException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.events.Actor;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import com.coditect.shared.tenancy.Role;
import com.coditect.shared.tenancy.TenantId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who manages whose contacts, role by role and owner by owner. */
class ContactAccessTest {

  private static final TenantId TENANT = new TenantId("01a24000-0000-7000-8000-0000000000aa");
  private static final String ME = "01a24000-0000-7000-8000-000000000001";
  private static final String SOMEONE = "01a24000-0000-7000-8000-000000000002";
  private static final String ORDER = "01a24000-0000-7000-8000-000000000003";

  private static Caller caller(Role role) {
    return new Caller(new Principal(ME, TENANT, role, false), Actor.system("test"));
  }

  @Test
  void everyRoleManagesItsOwnUsersContacts() {
    for (Role role : Role.values()) {
      assertDoesNotThrow(() -> ContactAccess.requireManage(caller(role), EntityType.USER, ME), role.name());
    }
  }

  @Test
  void onlyOwnersAndAdminsManageOtherUsersTheTenantsAndOrdersContacts() {
    for (Role role : Role.values()) {
      Caller caller = caller(role);
      for (String[] owner : new String[][] {{"USER", SOMEONE}, {"TENANT", TENANT.value()}, {"ORDER", ORDER}}) {
        EntityType type = EntityType.valueOf(owner[0]);
        if (role == Role.OWNER || role == Role.ADMIN) {
          assertDoesNotThrow(() -> ContactAccess.requireManage(caller, type, owner[1]), role + " " + type);
        } else {
          assertThrows(ForbiddenException.class, () -> ContactAccess.requireManage(caller, type, owner[1]),
              role + " " + type);
        }
      }
    }
  }

  @Test
  void anotherTenantIsNotFoundEvenForItsOwnersPeers() {
    assertThrows(NotFoundException.class, () -> ContactAccess.requireManage(caller(Role.OWNER), EntityType.TENANT,
        "01a24000-0000-7000-8000-0000000000bb"));
  }

  @Test
  void aKindNamesTheOwnersItMayHave() {
    Set<EntityType> people = Set.of(EntityType.TENANT, EntityType.USER);
    assertDoesNotThrow(() -> ContactAccess.requireOwnerKind(EntityType.USER, people, "Phone numbers"));
    UnprocessableException refused = assertThrows(UnprocessableException.class,
        () -> ContactAccess.requireOwnerKind(EntityType.ORDER, people, "Phone numbers"));
    assertEquals("entity_type", refused.errors().get(0).field());
    assertEquals("Phone numbers cannot belong to an order; only to tenant or user", refused.errors().get(0).message());
  }
}
