package com.coditect.pm;

import com.coditect.pm.data.TaskRepository;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.http.ApiRequest;
import com.coditect.shared.http.Router;

/**
 * The routes of one PM resource (tasks, sprints, ...): the handler adds every group to its router.
 * A group takes its service as a {@code dagger.Lazy}, so a new Lambda instance builds the service,
 * its repositories and their table schemas when a request first needs them: a cold start pays for
 * the resource it serves, not for all six.
 */
public interface RouteGroup {

  void addTo(Router.Builder routes);

  /** Builds the group's services now; SnapStart calls it before the snapshot (SnapStartPriming). */
  void prime();

  /** The {@code task_id} path parameter: a task's UUID or its key ({@code ENG-42}); else a 400. */
  static String taskRef(ApiRequest request) {
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
