package com.coditect.workflows.api;

import com.coditect.workflows.domain.DefinitionProblem;
import java.util.List;

/** {@code POST .../validate}: whether the stored definition and triggers would publish, and every problem if not. */
public record ValidationResponse(boolean valid, List<DefinitionProblem> problems) {

  public static ValidationResponse of(List<DefinitionProblem> problems) {
    return new ValidationResponse(problems.isEmpty(), problems);
  }
}
