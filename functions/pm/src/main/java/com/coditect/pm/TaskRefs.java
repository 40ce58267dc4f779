package com.coditect.pm;

import com.coditect.pm.data.TaskRepository;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;

/** How the task routes name a task: by its UUID or by its key ({@code ENG-42}). */
final class TaskRefs {

  private TaskRefs() {}

  /** The {@code task_id} path parameter: a task's UUID or its key; else a 400. */
  static String of(ApiRequest request) {
    String value = request.pathParameter("task_id");
    if (TaskRepository.isKey(value)) {
      return value;
    }
    try {
      return request.uuidPathParameter("task_id");
    } catch (BadRequestException e) {
      throw BadRequestException.forField("task_id", "must be a task's UUID or its key, e.g. ENG-42");
    }
  }
}
