package com.coditect.tenancy.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.tenancy.model.ProjectStatus;
import java.util.Optional;

/** The filter of {@code GET /v1/projects}: {@code ?status=} (empty: every live project). */
public record ProjectFilters(Optional<ProjectStatus> status) {

  public static ProjectFilters from(ApiRequest request) {
    return new ProjectFilters(request.choiceQueryParameter("status", ProjectStatus.class));
  }
}
