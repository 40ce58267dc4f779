package com.coditect.workflows.api;

import com.coditect.shared.http.ApiRequest;
import com.coditect.workflows.model.WorkflowStatus;
import com.coditect.workflows.model.WorkflowType;
import java.util.Optional;

/** {@code GET /v1/workflows}: {@code status}, {@code workflow_type}, {@code project_id} (400 naming a bad one). */
public record WorkflowFilters(Optional<WorkflowStatus> status, Optional<WorkflowType> workflowType,
    Optional<String> projectId) {

  public static WorkflowFilters from(ApiRequest request) {
    return new WorkflowFilters(request.choiceQueryParameter("status", WorkflowStatus.class),
        request.choiceQueryParameter("workflow_type", WorkflowType.class),
        request.uuidQueryParameter("project_id"));
  }
}
