package com.coditect.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.pm.domain.AttachmentService;
import com.coditect.pm.domain.BoardService;
import com.coditect.pm.domain.CommentService;
import com.coditect.pm.domain.MilestoneService;
import com.coditect.pm.domain.SprintService;
import com.coditect.pm.domain.TaskFollowUps;
import com.coditect.pm.domain.TaskService;
import com.coditect.pm.domain.WorkflowTasks;
import com.coditect.testing.CountingLazy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PM builds no service at init, and every service when SnapStart primes it. */
class PmHandlerPrimingTest {

  private final CountingLazy<TaskService> tasks = new CountingLazy<>(null);
  private final CountingLazy<SprintService> sprints = new CountingLazy<>(null);
  private final CountingLazy<MilestoneService> milestones = new CountingLazy<>(null);
  private final CountingLazy<CommentService> comments = new CountingLazy<>(null);
  private final CountingLazy<AttachmentService> attachments = new CountingLazy<>(null);
  private final CountingLazy<BoardService> boards = new CountingLazy<>(null);

  @Test
  void buildsNoServiceAtInitAndEveryServiceWhenPrimed() {
    PmHandler handler = new PmHandler(component());
    List<CountingLazy<?>> services = List.of(tasks, sprints, milestones, comments, attachments, boards);
    services.forEach(service -> assertEquals(0, service.gets()));

    handler.priming().beforeCheckpoint(null);
    services.forEach(service -> assertEquals(1, service.gets()));
  }

  private PmComponent component() {
    return new PmComponent() {
      @Override public TaskRoutes taskRoutes() { return new TaskRoutes(tasks, null); }
      @Override public SprintRoutes sprintRoutes() { return new SprintRoutes(sprints, null); }
      @Override public MilestoneRoutes milestoneRoutes() { return new MilestoneRoutes(milestones, null); }
      @Override public CommentRoutes commentRoutes() { return new CommentRoutes(comments, null); }
      @Override public AttachmentRoutes attachmentRoutes() { return new AttachmentRoutes(attachments, null); }
      @Override public BoardRoutes boardRoutes() { return new BoardRoutes(boards, null); }
      @Override public TaskFollowUps taskFollowUps() { return null; }
      @Override public WorkflowTasks workflowTasks() { return null; }
    };
  }
}
