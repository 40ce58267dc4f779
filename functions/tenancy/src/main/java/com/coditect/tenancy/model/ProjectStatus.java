package com.coditect.tenancy.model;

import com.coditect.shared.domain.Choice;

/** A project's status; a new project is active. */
public enum ProjectStatus implements Choice {
  ACTIVE, ARCHIVED
}
