import dev.coditect.client.ApiClient;
import dev.coditect.client.ApiException;
import dev.coditect.client.ApiResponse;
import dev.coditect.client.api.ProjectsApi;
import dev.coditect.client.api.TasksApi;
import dev.coditect.client.model.CreateProjectRequest;
import dev.coditect.client.model.CreateTaskRequest;
import dev.coditect.client.model.GatewayMessage;
import dev.coditect.client.model.Problem;
import dev.coditect.client.model.Project;
import dev.coditect.client.model.Task;
import dev.coditect.client.model.TaskList;
import dev.coditect.client.model.TaskPriority;
import dev.coditect.client.model.TaskStatus;
import dev.coditect.client.model.TaskSummary;
import dev.coditect.client.model.UpdateTaskRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A scripted session through the Java client OpenAPI Generator makes from docs/openapi.json
 * ({@code -g java --library native}), run by scripts/clients.sh against the local runtime with the
 * generated classes on its class path. Only generated methods and models are used; errors are the
 * generated {@link ApiException} with its body read into the generated models. Arguments: the API's
 * base URL and a member's bearer token. Exits non-zero on the first step that does not behave as
 * the document says.
 */
public final class Session {

  private static final int TASKS = 5;
  private static final int PAGE = 2;

  public static void main(String[] args) throws Exception {
    String baseUrl = args[0];
    String token = args[1];
    ApiClient client = client(baseUrl, token);
    ProjectsApi projects = new ProjectsApi(client);
    TasksApi tasks = new TasksApi(client);

    step("create a project, then replay its Idempotency-Key");
    String key = "JV" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    CreateProjectRequest body = new CreateProjectRequest().key(key).name("Java client session");
    String idempotencyKey = UUID.randomUUID().toString();
    ApiResponse<Project> first = projects.createProjectWithHttpInfo(body, idempotencyKey);
    check(first.getStatusCode() == 201, "201 for a create, got " + first.getStatusCode());
    check(header(first, "Idempotent-Replayed") == null, "a first create is no replay: " + first.getHeaders());
    ApiResponse<Project> replayed = projects.createProjectWithHttpInfo(body, idempotencyKey);
    check(replayed.getStatusCode() == 201, "201 for a replay, got " + replayed.getStatusCode());
    check("true".equals(header(replayed, "Idempotent-Replayed")), "a replay says so: " + replayed.getHeaders());
    check(replayed.getData().getId().equals(first.getData().getId()), "a replay names the same project");
    check(Objects.equals(header(replayed, "ETag"), header(first, "ETag")), "a replay carries the first ETag");
    UUID projectId = first.getData().getId();

    step("create " + TASKS + " tasks");
    List<UUID> created = new ArrayList<>();
    for (int number = 1; number <= TASKS; number++) {
      ApiResponse<Task> response = tasks.createTaskWithHttpInfo(projectId,
          new CreateTaskRequest().title("Task " + number).priority(TaskPriority.HIGH).addTagsItem("client"), null);
      check(response.getStatusCode() == 201, "201 for a task, got " + response.getStatusCode());
      check(header(response, "Location") != null, "a created task has a Location");
      Task task = response.getData();
      check(task.getPriority() == TaskPriority.HIGH && task.getStatus() == TaskStatus.BACKLOG, "as created: " + task);
      created.add(task.getId());
    }

    step("page through them, " + PAGE + " a page, with the cursor");
    List<UUID> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      TaskList page = tasks.listProjectTasks(projectId, PAGE, cursor, TaskStatus.BACKLOG, null, null, null, null, null,
          null, null, null, null);
      pages++;
      check(page.getItems().size() <= PAGE, "at most " + PAGE + " a page: " + page.getItems().size());
      page.getItems().stream().map(TaskSummary::getId).forEach(seen::add);
      cursor = page.getNextCursor();
    } while (cursor != null);
    check(new HashSet<>(seen).equals(new HashSet<>(created)) && seen.size() == created.size(),
        "the pages hold every task once: " + seen + " vs " + created);
    check(pages >= TASKS / PAGE, "paged: " + pages);
    TaskList due = tasks.listProjectTasks(projectId, null, null, null, null, null, null, null, null, null, null,
        "2999-12-31", "2000-01-01T00:00:00Z");
    check(due.getItems().isEmpty(), "no task has a due date: " + due);

    step("GET a task, then PATCH it with If-Match");
    String taskId = created.get(0).toString();
    ApiResponse<Task> read = tasks.getTaskWithHttpInfo(taskId);
    String etag = header(read, "ETag");
    check(etag != null, "a read has an ETag: " + read.getHeaders());
    ApiResponse<Task> patched =
        tasks.updateTaskWithHttpInfo(taskId, new UpdateTaskRequest().status(TaskStatus.IN_PROGRESS), etag);
    check(patched.getData().getStatus() == TaskStatus.IN_PROGRESS, "patched: " + patched.getData());
    check(!etag.equals(header(patched, "ETag")), "a write changes the ETag: " + patched.getHeaders());

    step("a stale If-Match is a typed 412");
    ApiException stale =
        refused(() -> tasks.updateTask(taskId, new UpdateTaskRequest().priority(TaskPriority.LOW), etag));
    check(stale.getCode() == 412 && error(client, stale) instanceof Problem problem && problem.getStatus() == 412,
        "412: " + stale.getResponseBody());

    step("an unknown task is a typed 404");
    ApiException missing = refused(() -> tasks.getTask(UUID.randomUUID().toString()));
    check(missing.getCode() == 404 && error(client, missing) instanceof Problem problem && problem.getStatus() == 404,
        "404: " + missing.getResponseBody());

    step("a bad token is a typed 401 (API Gateway's {message})");
    ProjectsApi stranger = new ProjectsApi(client(baseUrl, "not-a-token"));
    ApiException unauthorized = refused(() -> stranger.listProjects(null, null, null));
    check(unauthorized.getCode() == 401 && error(client, unauthorized) instanceof GatewayMessage message
        && "Unauthorized".equals(message.getMessage()), "401: " + unauthorized.getResponseBody());

    step("passed");
  }

  /** The generated native client takes credentials through its request interceptor. */
  private static ApiClient client(String baseUrl, String token) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUrl);
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }

  private interface Call {
    void run() throws ApiException;
  }

  private static ApiException refused(Call call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected the call to be refused");
  }

  /**
   * The error's body as the generated model its Content-Type names: a Problem for
   * application/problem+json, a GatewayMessage (API Gateway's own answer) for application/json. The
   * native client throws errors with the body as text, and its mapper ignores unknown properties, so
   * the ErrorResponse oneOf cannot tell the two apart by their fields; the media type does.
   */
  private static Object error(ApiClient client, ApiException e) throws Exception {
    String type = e.getResponseHeaders().firstValue("Content-Type").orElse("");
    Class<?> model = type.startsWith("application/problem+json") ? Problem.class
        : type.startsWith("application/json") ? GatewayMessage.class : null;
    check(model != null, "an error body of an undocumented type: " + type);
    return client.getObjectMapper().readValue(e.getResponseBody(), model);
  }

  private static String header(ApiResponse<?> response, String name) {
    return response.getHeaders().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError(what);
    }
  }

  private static void step(String text) {
    System.out.println("java session: " + text);
  }
}
