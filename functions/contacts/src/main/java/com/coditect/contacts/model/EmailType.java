package com.coditect.contacts.model;

import com.coditect.shared.domain.Choice;

/** What an e-mail address is for. */
public enum EmailType implements Choice {
  WORK, PERSONAL, NOTIFICATION
}
