package com.coditect.contacts.model;

import com.coditect.shared.domain.Choice;

/** What a phone number is; the default {@code work} phone is the user's or tenant's {@code phone_number}. */
public enum PhoneType implements Choice {
  WORK, MOBILE, HOME, FAX
}
