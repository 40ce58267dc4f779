package com.coditect.tenancy.api;

import com.coditect.tenancy.data.TeamItem;
import java.util.List;

/** One team with its members, as {@code GET /v1/teams/{team_id}} shows it. */
public record TeamWithMembersResponse(
    String id, String name, String description, String createdAt, String updatedAt,
    List<TeamMemberResponse> members) {

  public static TeamWithMembersResponse from(TeamItem team, List<TeamMemberResponse> members) {
    return new TeamWithMembersResponse(team.id(), team.name(), team.description(), team.createdAt(),
        team.updatedAt(), members);
  }
}
