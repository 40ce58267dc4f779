package com.coditect.contacts.model;

import com.coditect.shared.domain.Choice;

/** What a contact belongs to: the tenant itself, one of its users, or (addresses only) an order. */
public enum EntityType implements Choice {
  TENANT, USER, ORDER
}
