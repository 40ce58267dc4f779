package com.coditect.tenancy.api;

import com.coditect.tenancy.data.TeamMemberItem;

/** A membership: which user is in which team since when. */
public record TeamMemberResponse(String teamId, String userId, String addedAt) {

  public static TeamMemberResponse from(TeamMemberItem item) {
    return new TeamMemberResponse(item.teamId(), item.userId(), item.createdAt());
  }
}
