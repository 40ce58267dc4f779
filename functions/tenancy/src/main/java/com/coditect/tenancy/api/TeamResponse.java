package com.coditect.tenancy.api;

import com.coditect.tenancy.data.TeamItem;

/** A team as lists and writes show it (without members). */
public record TeamResponse(String id, String name, String description, String createdAt, String updatedAt) {

  public static TeamResponse from(TeamItem item) {
    return new TeamResponse(item.id(), item.name(), item.description(), item.createdAt(), item.updatedAt());
  }
}
