package com.coditect.workflows.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.json.JsonFields;
import org.jspecify.annotations.Nullable;

/** {@code POST /v1/approvals/{approval_id}/approve} and {@code .../reject}: an optional comment; the body may be absent. */
public record DecideApprovalRequest(@Nullable String comment) {

  /**
   * A comment is at most this long: the spec's TextField has no limit, but the step's output carries
   * every decision's comment, and 40 of them must stay well below the 64 KB an output may take.
   */
  public static final int COMMENT_MAX = 1000;

  public static DecideApprovalRequest from(ApiRequest request) {
    if (request.bodyText().isBlank()) {
      return new DecideApprovalRequest(null);
    }
    JsonFields fields = JsonFields.of(request.jsonBody());
    var body = new DecideApprovalRequest(fields.optionalString("comment", COMMENT_MAX));
    fields.finish();
    return body;
  }
}
