package com.coditect.tenancy.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.tenancy.UserStatus;
import java.util.Optional;

/** The filter of {@code GET /v1/users}: {@code ?status=} (empty: every live user). */
public record UserFilters(Optional<UserStatus> status) {

  public static UserFilters from(ApiRequest request) {
    return new UserFilters(request.choiceQueryParameter("status", UserStatus.class));
  }
}
