package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.coditect.billing.DaggerTestBillingComponent;
import com.coditect.billing.TestBillingComponent;
import com.coditect.billing.domain.InvoiceEvent;
import com.coditect.billing.domain.PaymentService;
import com.coditect.local.LocalApiHarness.Response;
import com.coditect.local.LocalApiHarness.Tenant;
import com.coditect.local.LocalApiHarness.User;
import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.StripeConfig;
import com.coditect.shared.events.Actor;
import com.coditect.shared.events.OutboxRecord;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import com.coditect.testing.CloudTemplate;
import com.coditect.testing.TemplateRoute;
import com.coditect.testing.TestInterceptors;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * Every route of template.yaml, tried through the local gateway as an attacker would: without a
 * token, with a forged one, and with another tenant's token against this tenant's ids. The routes
 * come from the template, so a new route is covered as soon as it is declared, or the matrix fails
 * telling the developer what it needs (a path parameter's id, a request body).
 *
 * <p>Tenant A holds the data; tenant B is the intruder. After the matrix, everything A can read
 * (every GET route, with A's ids) must be exactly as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixIT {

  // Tenant A's names. B's creates reuse them: uniqueness is per tenant, and a 409 would tell B
  // that A has a team, project or user with that name (an existence oracle).
  private static final String A_MEMBER_EMAIL = "member@tenant-a.example";
  private static final String A_TEAM_NAME = "Platform";
  private static final String A_PROJECT_KEY = "ALPHA";
  private static final String A_FOLDER_NAME = "Contracts";

  /** The seeded attachment's bytes, uploaded to its presigned URL so that A can read it. */
  private static final byte[] ATTACHMENT_BYTES = "hello".getBytes(StandardCharsets.UTF_8);
  private static final String ATTACHMENT_BODY = "{\"filename\":\"notes.txt\",\"mime_type\":\"text/plain\","
      + "\"file_size_bytes\":5,\"sha256\":\"" + sha256Hex(ATTACHMENT_BYTES) + "\"}";

  /** A compliance report of yesterday: the period must be over. */
  private static final String REPORT_BODY = "{\"report_type\":\"soc2\",\"period_start\":\""
      + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\",\"period_end\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1)
      + "\"}";
  private static final Duration REPORT_GENERATED = Duration.ofSeconds(30);

  /**
   * Which of tenant A's resources fills each path parameter. A route with a parameter not named
   * here fails the matrix: add the parameter, creating the resource in {@link #seed} if needed.
   */
  private static final Map<String, Function<Seed, String>> PATH_PARAMETERS = Map.ofEntries(
      Map.entry("user_id", seed -> seed.member().id()),
      Map.entry("team_id", Seed::teamId),
      Map.entry("project_id", Seed::projectId),
      Map.entry("task_id", seed -> seed.pm().taskId()),
      Map.entry("comment_id", seed -> seed.pm().commentId()),
      Map.entry("attachment_id", seed -> seed.pm().attachmentId()),
      Map.entry("sprint_id", seed -> seed.pm().sprintId()),
      Map.entry("milestone_id", seed -> seed.pm().milestoneId()),
      Map.entry("board_id", seed -> seed.pm().boardId()),
      Map.entry("review_id", seed -> seed.audit().reviewId()),
      Map.entry("report_id", seed -> seed.audit().reportId()),
      Map.entry("document_id", seed -> seed.dms().documentId()),
      Map.entry("folder_id", seed -> seed.dms().folderId()),
      Map.entry("permission_id", seed -> seed.dms().permissionId()),
      Map.entry("share_id", seed -> seed.dms().shareId()),
      Map.entry("approval_id", seed -> seed.workflows().approvalId()),
      Map.entry("version_number", seed -> "1"),
      Map.entry("workflow_id", seed -> seed.workflows().workflowId()),
      Map.entry("execution_id", seed -> seed.workflows().executionId()),
      Map.entry("address_id", seed -> seed.billing().addressId()),
      Map.entry("payment_id", seed -> seed.billing().paymentId()),
      // Tax rates are the platform's, not a tenant's: the one rate the platform administrator made.
      Map.entry("tax_rate_id", seed -> seed.billing().taxRateId()),
      // The catalog is the platform's too: the one product the platform administrator made.
      Map.entry("product_id", seed -> seed.billing().productId()),
      // A cart the tenant's owner started signed in (the tenant's own cart).
      Map.entry("cart_id", seed -> seed.billing().cartId()),
      // An order of the tenant: a one-time product's cart, checked out.
      Map.entry("order_id", seed -> seed.billing().orderId()),
      // A subscription to the platform's monthly product, and an invoice Stripe's event made for it.
      Map.entry("subscription_id", seed -> seed.billing().subscriptionId()),
      Map.entry("invoice_id", seed -> seed.billing().invoiceId()),
      // Discount codes are the platform's: every route of theirs refuses a tenant's owner first.
      Map.entry("code", seed -> "MATRIX10"),
      // The member's phone number and e-mail address (the contacts' address: ROUTE_PARAMETERS).
      Map.entry("phone_id", seed -> seed.contacts().phoneId()),
      Map.entry("email_id", seed -> seed.contacts().emailId()));

  /**
   * Parameters whose name two resources share, by the path up to the parameter: there, the id of
   * that path's resource ({@code address_id} is a billing address under /v1/billing-addresses and a
   * contact address under /v1/addresses).
   */
  private static final Map<String, Function<Seed, String>> ROUTE_PARAMETERS = Map.of(
      "/v1/addresses/{address_id}", seed -> seed.contacts().addressId());

  /**
   * A request body for every write route (POST, PUT, PATCH), valid enough to pass the route's
   * syntax checks: handlers that parse the body before looking the id up answer 400, not 404, to
   * a bad one. {@code ""} sends no body. A write route missing here fails the matrix.
   */
  private static final Map<String, String> WRITE_BODIES = Map.ofEntries(
      Map.entry("POST /v1/tenants",
          "{\"name\":\"Tenant A\",\"owner\":{\"email\":\"owner@tenant-a.example\",\"name\":\"Intruder\"}}"),
      Map.entry("PATCH /v1/tenant", "{\"name\":\"Changed by B\",\"industry\":\"Probing\"}"),
      Map.entry("PATCH /v1/me", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/users",
          "{\"email\":\"" + A_MEMBER_EMAIL + "\",\"name\":\"Same email, other tenant\",\"role\":\"member\"}"),
      Map.entry("PATCH /v1/users/{user_id}", "{\"name\":\"Changed by B\",\"role\":\"admin\"}"),
      Map.entry("POST /v1/teams", "{\"name\":\"" + A_TEAM_NAME + "\"}"),
      Map.entry("PATCH /v1/teams/{team_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("PUT /v1/teams/{team_id}/members/{user_id}", ""),
      Map.entry("POST /v1/projects", "{\"key\":\"" + A_PROJECT_KEY + "\",\"name\":\"Alpha\"}"),
      Map.entry("PATCH /v1/projects/{project_id}", "{\"name\":\"Changed by B\",\"status\":\"archived\"}"),
      Map.entry("POST /v1/projects/{project_id}/tasks", "{\"title\":\"Probe\"}"),
      Map.entry("PATCH /v1/tasks/{task_id}", "{\"title\":\"Changed by B\",\"status\":\"done\"}"),
      Map.entry("POST /v1/tasks/{task_id}/restore", ""),
      Map.entry("POST /v1/tasks/{task_id}/comments", "{\"content\":\"Probe\"}"),
      Map.entry("PATCH /v1/tasks/{task_id}/comments/{comment_id}", "{\"content\":\"Changed by B\"}"),
      Map.entry("POST /v1/tasks/{task_id}/attachments", ATTACHMENT_BODY),
      Map.entry("POST /v1/projects/{project_id}/sprints",
          "{\"name\":\"Probe\",\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-14\"}"),
      Map.entry("PATCH /v1/sprints/{sprint_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/sprints/{sprint_id}/start", ""),
      Map.entry("POST /v1/sprints/{sprint_id}/complete", ""),
      Map.entry("POST /v1/projects/{project_id}/milestones", "{\"title\":\"Probe\"}"),
      Map.entry("PATCH /v1/milestones/{milestone_id}", "{\"title\":\"Changed by B\"}"),
      Map.entry("POST /v1/projects/{project_id}/boards", "{\"name\":\"Probe\"}"),
      Map.entry("PATCH /v1/boards/{board_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/audit-reviews",
          "{\"review_type\":\"security\",\"scope_start_date\":\"2026-01-01\",\"scope_end_date\":\"2026-03-31\"}"),
      Map.entry("PATCH /v1/audit-reviews/{review_id}", "{\"findings\":\"Changed by B\"}"),
      Map.entry("POST /v1/compliance-reports", REPORT_BODY),
      Map.entry("POST /v1/documents/{document_id}/permissions", "{\"team_id\":\"" + UUID.randomUUID()
          + "\",\"permission_level\":\"view\"}"),
      Map.entry("POST /v1/folders/{folder_id}/permissions", "{\"team_id\":\"" + UUID.randomUUID()
          + "\",\"permission_level\":\"view\"}"),
      Map.entry("POST /v1/documents/{document_id}/shares", "{\"permission_level\":\"download\"}"),
      Map.entry("PATCH /v1/shares/{share_id}", "{\"is_active\":false}"),
      Map.entry("POST /v1/public/shares/{token}/access", "{}"),
      Map.entry("POST /v1/folders", "{\"name\":\"" + A_FOLDER_NAME + "\"}"),
      Map.entry("POST /v1/documents", "{\"title\":\"Changed by B\",\"file_name\":\"b.txt\",\"file_size_bytes\":5,"
          + "\"checksum\":\"" + sha256Hex(ATTACHMENT_BYTES) + "\"}"),
      Map.entry("PATCH /v1/documents/{document_id}", "{\"title\":\"Changed by B\"}"),
      Map.entry("POST /v1/documents/{document_id}/restore", ""),
      Map.entry("POST /v1/documents/{document_id}/versions", "{\"file_name\":\"b.txt\",\"file_size_bytes\":5,"
          + "\"checksum\":\"" + sha256Hex(ATTACHMENT_BYTES) + "\"}"),
      Map.entry("POST /v1/documents/{document_id}/versions/{version_number}/complete", "{}"),
      Map.entry("PATCH /v1/folders/{folder_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/approvals/{approval_id}/approve", "{\"comment\":\"Changed by B\"}"),
      Map.entry("POST /v1/approvals/{approval_id}/reject", "{\"comment\":\"Changed by B\"}"),
      Map.entry("POST /v1/workflows", "{\"name\":\"Probe\"}"),
      Map.entry("PATCH /v1/workflows/{workflow_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/workflows/{workflow_id}/validate", ""),
      Map.entry("POST /v1/workflows/{workflow_id}/publish", ""),
      Map.entry("POST /v1/workflows/{workflow_id}/pause", ""),
      Map.entry("POST /v1/workflows/{workflow_id}/archive", ""),
      Map.entry("POST /v1/workflows/{workflow_id}/executions", "{\"context_data\":{}}"),
      Map.entry("POST /v1/executions/{execution_id}/cancel", ""),
      Map.entry("POST /v1/executions/{execution_id}/pause", ""),
      Map.entry("POST /v1/executions/{execution_id}/resume", ""),
      Map.entry("POST /v1/executions/{execution_id}/retry", ""),
      Map.entry("POST /v1/billing-addresses", "{\"full_name\":\"B's billing\",\"address_line1\":\"1 Probe St\","
          + "\"city\":\"Probeville\",\"postal_code\":\"12345\",\"country_code\":\"US\",\"is_default\":true}"),
      Map.entry("PATCH /v1/billing-addresses/{address_id}", "{\"city\":\"Changed by B\",\"is_default\":true}"),
      Map.entry("POST /v1/tax-rates", "{\"display_name\":\"B's tax\",\"percentage\":\"1\",\"jurisdiction\":\"US\","
          + "\"country_code\":\"US\",\"tax_type\":\"sales_tax\"}"),
      Map.entry("PATCH /v1/tax-rates/{tax_rate_id}", "{\"active\":false}"),
      Map.entry("POST /v1/payments/{payment_id}/refunds", "{\"amount_cents\":100}"),
      Map.entry("POST /v1/products", "{\"sku\":\"B-SKU\",\"name\":\"B's product\",\"price_cents\":100,"
          + "\"currency\":\"usd\"}"),
      Map.entry("PATCH /v1/products/{product_id}", "{\"name\":\"Changed by B\"}"),
      Map.entry("POST /v1/carts/{cart_id}/claim", ""),
      Map.entry("POST /v1/carts/{cart_id}/checkout", "{}"),
      Map.entry("POST /v1/subscriptions", "{\"product_id\":\"${plan}\"}"),
      Map.entry("PATCH /v1/subscriptions/{subscription_id}", "{\"product_id\":\"${plan}\",\"preview\":true}"),
      Map.entry("POST /v1/subscriptions/{subscription_id}/cancel", "{}"),
      Map.entry("POST /v1/discount-codes", "{\"code\":\"B-CODE\",\"percent_off\":50}"),
      Map.entry("PATCH /v1/discount-codes/{code}", "{\"active\":false}"),
      // Contacts of A's member: B names A's user (404: no such user in B), or B's own member in B.
      Map.entry("POST /v1/addresses", "{\"entity_type\":\"user\",\"entity_id\":\"${member}\","
          + "\"address_type\":\"home\",\"address_line1\":\"1 Probe St\",\"city\":\"Probeville\","
          + "\"postal_code\":\"12345\",\"country_code\":\"US\"}"),
      Map.entry("PATCH /v1/addresses/{address_id}", "{\"city\":\"Changed by B\",\"is_default\":true}"),
      Map.entry("POST /v1/phone-numbers", "{\"entity_type\":\"user\",\"entity_id\":\"${member}\","
          + "\"phone_type\":\"work\",\"country_code\":\"US\",\"phone_number\":\"(415) 555-2672\"}"),
      Map.entry("PATCH /v1/phone-numbers/{phone_id}", "{\"label\":\"Changed by B\",\"is_default\":true}"),
      Map.entry("POST /v1/phone-numbers/{phone_id}/verify", ""),
      Map.entry("POST /v1/phone-numbers/{phone_id}/confirm", "{\"code\":\"123456\"}"),
      Map.entry("POST /v1/email-addresses", "{\"entity_type\":\"user\",\"entity_id\":\"${member}\","
          + "\"email_type\":\"work\",\"email\":\"probe@tenant-b.example\"}"),
      Map.entry("PATCH /v1/email-addresses/{email_id}", "{\"label\":\"Changed by B\",\"is_default\":true}"),
      Map.entry("POST /v1/email-addresses/{email_id}/verify", ""),
      Map.entry("POST /v1/email-addresses/{email_id}/confirm", "{\"code\":\"123456\"}"));

  /**
   * Routes for platform administrators only, whose ids are the platform's, not a tenant's: B's
   * owner is refused (403) before any id is looked up.
   */
  private static final Set<String> PLATFORM_ADMIN_ROUTES = Set.of("PATCH /v1/tax-rates/{tax_rate_id}",
      "PATCH /v1/products/{product_id}", "GET /v1/discount-codes", "GET /v1/discount-codes/{code}",
      "PATCH /v1/discount-codes/{code}");

  private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH");
  /**
   * Path parameters that are numbers within a resource named by another parameter, not ids of
   * their own (a document's version 1 exists in every tenant): no id of A's to try alone, and
   * this value where an id that exists nowhere goes.
   */
  private static final Map<String, String> NUMBERS = Map.of("version_number", "999999");
  /**
   * Reads that are recorded (a document viewed or downloaded: its activity and the audit log), so
   * reading them for the snapshot would change the snapshot. A's document is still compared
   * through its list, its versions and its activity.
   */
  private static final Set<String> RECORDED_READS = Set.of("GET /v1/documents/{document_id}",
      "GET /v1/documents/{document_id}/content");
  /** Presigned URLs' expiry moves with each read; it is not data A owns either. */
  private static final Pattern EXPIRY = Pattern.compile("(\"expires_at\":\")[^\"]*");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");
  /** Presigned URLs are signed anew on every read; their signature is not data A owns. */
  private static final Pattern PRESIGNATURE = Pattern.compile("(X-Amz-[A-Za-z-]+=)[^&\"\\\\]*");

  private final List<TemplateRoute> routes = CloudTemplate.load().routes();
  private LocalApiHarness harness;
  /** The platform's one tax rate, made with the first seed. */
  private String taxRateId;
  /** The platform's one product, made with the first seed. */
  private String productId;
  private String oneTimeProductId;
  private Seed a;
  private Seed b;
  private Map<String, String> aBefore;

  /**
   * A tenant with an owner, a member, a team (the member in it), a project, and in the project a
   * task (with a comment and an uploaded attachment), a sprint, a milestone and a board; an audit review; and a
   * draft workflow of the project.
   */
  record Seed(Tenant tenant, User member, String teamId, String projectId, Pm pm, Audit audit, Dms dms,
      Workflows workflows, Billing billing, Contacts contacts) {
    /** Every id of this tenant's that another tenant must never see. */
    List<String> ids() {
      return List.of(tenant.id(), tenant.ownerId(), member.id(), teamId, projectId, pm.taskId(), pm.commentId(),
          pm.attachmentId(), pm.sprintId(), pm.milestoneId(), pm.boardId(), audit.reviewId(), audit.reportId(),
          dms.documentId(), dms.folderId(), dms.permissionId(), dms.shareId(), workflows.approvalId(),
          workflows.workflowId(), workflows.executionId(), billing.addressId(), billing.paymentId(),
          contacts.addressId(), contacts.phoneId(), contacts.emailId());
    }
  }

  /** The project-management resources of a seed. */
  record Pm(String taskId, String commentId, String attachmentId, String sprintId, String milestoneId,
      String boardId) {}

  /** The audit resources of a seed. */
  record Audit(String reviewId, String reportId) {}

  /**
   * The document-management resources of a seed: a folder, a document in it, a grant on the
   * document and a share link of it.
   */
  record Dms(String documentId, String folderId, String permissionId, String shareId) {}

  /**
   * The workflow resources of a seed: a draft workflow of the project, the member's approval in an
   * approval step, and a completed execution of another, published workflow.
   */
  record Workflows(String workflowId, String approvalId, String executionId) {}

  /**
   * The billing resources of a seed: its default billing address, a pending payment (made as
   * checkout makes them, through the billing function's own code), and the platform's tax rate and
   * product.
   */
  record Billing(String addressId, String paymentId, String taxRateId, String productId, String cartId,
      String orderId, String subscriptionId, String invoiceId) {}

  /** The contacts of a seed: the member's home address, work phone and work e-mail, made by the owner. */
  record Contacts(String addressId, String phoneId, String emailId) {}

  @BeforeAll
  void seedTwoTenants() {
    harness = LocalApiHarness.start();
    a = seed("Tenant A", A_MEMBER_EMAIL, A_TEAM_NAME, A_PROJECT_KEY, A_FOLDER_NAME);
    b = seed("Tenant B", "member@tenant-b.example", "B team", "BETA", "B folder");
    aBefore = snapshotOfA();
  }

  @AfterAll
  void stop() {
    if (harness != null) {
      harness.close();
    }
  }

  private Seed seed(String name, String memberEmail, String teamName, String projectKey, String folderName) {
    Tenant tenant = harness.createTenant(name);
    User member = harness.addUser(tenant, "member", memberEmail);
    String team = harness.create("/v1/teams", tenant.ownerToken(), "{\"name\":\"" + teamName + "\"}");
    harness.request("PUT", "/v1/teams/" + team + "/members/" + member.id()).token(tenant.ownerToken()).send()
        .expect(200);
    String project = harness.create("/v1/projects", tenant.ownerToken(),
        "{\"key\":\"" + projectKey + "\",\"name\":\"" + name + " project\",\"owner_id\":\"" + member.id() + "\"}");
    return new Seed(tenant, member, team, project, seedPm(tenant, project), seedAudit(tenant),
        seedDms(tenant, member, folderName), seedWorkflows(tenant, member, harness.create("/v1/workflows",
            tenant.ownerToken(), "{\"name\":\"" + name + " approvals\",\"project_id\":\"" + project + "\"}")),
        seedBilling(tenant), seedContacts(tenant, member));
  }

  private Contacts seedContacts(Tenant tenant, User member) {
    String owner = "\"entity_type\":\"user\",\"entity_id\":\"" + member.id() + "\"";
    String address = harness.create("/v1/addresses", tenant.ownerToken(), "{" + owner + ",\"address_type\":\"home\","
        + "\"address_line1\":\"1 Main St\",\"city\":\"Springfield\",\"postal_code\":\"49007\",\"country_code\":\"US\"}");
    String phone = harness.create("/v1/phone-numbers", tenant.ownerToken(), "{" + owner + ",\"phone_type\":\"work\","
        + "\"country_code\":\"US\",\"phone_number\":\"(415) 555-2671\"}");
    String email = harness.create("/v1/email-addresses", tenant.ownerToken(), "{" + owner + ",\"email_type\":\"work\","
        + "\"email\":\"" + member.email() + "\"}");
    return new Contacts(address, phone, email);
  }

  private Billing seedBilling(Tenant tenant) {
    String address = harness.create("/v1/billing-addresses", tenant.ownerToken(), "{\"full_name\":\"Accounts\","
        + "\"address_line1\":\"1 Main St\",\"city\":\"Springfield\",\"postal_code\":\"49007\","
        + "\"country_code\":\"US\",\"is_default\":true}");
    if (productId == null) {
      productId = harness.create("/v1/products", harness.platformAdminToken(), "{\"sku\":\"MATRIX-1\","
          + "\"name\":\"Matrix plan\",\"price_cents\":4900,\"currency\":\"usd\",\"interval\":\"month\"}");
    }
    if (taxRateId == null) {
      taxRateId = harness.create("/v1/tax-rates", harness.platformAdminToken(), "{\"display_name\":\"Sales tax\","
          + "\"percentage\":\"6\",\"jurisdiction\":\"US-MI\",\"country_code\":\"US\",\"state_code\":\"MI\","
          + "\"tax_type\":\"sales_tax\"}");
    }
    TestBillingComponent billing = DaggerTestBillingComponent.factory().create(AppConfig.fromEnvironment(),
        StripeConfig.fromEnvironment(), TestInterceptors.none());
    TenantId tenantId = new TenantId(tenant.id());
    String paymentId = Ids.newId();
    WriteTransaction tx = billing.transactions().begin();
    billing.paymentService().record(tx, tenantId, Actor.system("route-matrix-seed"), PaymentService.pending(tenantId,
        paymentId, null, "pi_" + paymentId.replace("-", ""), 4_200, "usd", Timestamps.now(Clock.systemUTC())));
    tx.commit();
    // Started signed in: the cart route verifies the owner's token itself, against the gateway's JWKS.
    String cartId = harness.create("/v1/carts", tenant.ownerToken(), "{}");
    if (oneTimeProductId == null) {
      oneTimeProductId = harness.create("/v1/products", harness.platformAdminToken(), "{\"sku\":\"MATRIX-MUG\","
          + "\"name\":\"Matrix mug\",\"price_cents\":1200,\"currency\":\"usd\"}");
    }
    String orderedCart = harness.create("/v1/carts", tenant.ownerToken(),
        "{\"items\":[{\"product_id\":\"" + oneTimeProductId + "\",\"quantity\":1}]}");
    String orderId = harness.request("POST", "/v1/carts/" + orderedCart + "/checkout").token(tenant.ownerToken())
        .header("Idempotency-Key", "matrix-" + orderedCart).body("{}").send().expect(201).text("id");
    Response subscription = harness.request("POST", "/v1/subscriptions").token(tenant.ownerToken())
        .body("{\"product_id\":\"" + productId + "\"}").send().expect(201);
    String customer = harness.get("/v1/tenant", tenant.ownerToken()).expect(200).text("stripe_customer_id");
    String stripeInvoice = "in_" + Ids.newId().replace("-", "").substring(0, 24);
    billing.invoiceService().apply(new InvoiceEvent(stripeInvoice, customer, subscription.text("stripe_subscription_id"),
        "MATRIX-0001", "open", 4_900, 0, "usd", "https://invoice.stripe.com/i/matrix", null, null,
        Instant.now().getEpochSecond(), false));
    String invoiceId = harness.get("/v1/invoices", tenant.ownerToken()).expect(200).json().path("items").get(0).path("id")
        .asText();
    return new Billing(address, paymentId, taxRateId, productId, cartId, orderId, subscription.text("id"), invoiceId);
  }

  /**
   * A compliance report, generated before the snapshot (its status and file change once, from
   * generating to completed, and must not change during the matrix).
   */
  private String seedReport(Tenant tenant) {
    String id = harness.post("/v1/compliance-reports", tenant.ownerToken(), REPORT_BODY).expect(202).text("id");
    Instant deadline = Instant.now().plus(REPORT_GENERATED);
    while (!"completed".equals(harness.get("/v1/compliance-reports/" + id, tenant.ownerToken()).expect(200)
        .text("status"))) {
      assertTrue(Instant.now().isBefore(deadline), "the seeded compliance report was not generated in time");
      LocalApiHarness.pause(Duration.ofMillis(200));
    }
    return id;
  }

  private Pm seedPm(Tenant tenant, String project) {
    String token = tenant.ownerToken();
    String sprint = harness.create("/v1/projects/" + project + "/sprints", token,
        "{\"name\":\"Sprint 1\",\"start_date\":\"2026-12-01\",\"end_date\":\"2026-12-14\"}");
    String milestone = harness.create("/v1/projects/" + project + "/milestones", token, "{\"title\":\"Launch\"}");
    String board = harness.create("/v1/projects/" + project + "/boards", token, "{\"name\":\"Team board\"}");
    String task = harness.create("/v1/projects/" + project + "/tasks", token, "{\"title\":\"Write the launch notes\","
        + "\"status\":\"todo\",\"sprint_id\":\"" + sprint + "\",\"milestone_id\":\"" + milestone + "\"}");
    String comment = harness.create("/v1/tasks/" + task + "/comments", token, "{\"content\":\"**Draft** is up\"}");
    Response attachment = harness.post("/v1/tasks/" + task + "/attachments", token, ATTACHMENT_BODY).expect(201);
    upload(attachment.json().path("upload"));
    // The first read confirms the upload (pending -> available): done here, so the snapshot is stable.
    harness.get("/v1/tasks/" + task + "/attachments/" + attachment.text("id"), token).expect(200);
    return new Pm(task, comment, attachment.text("id"), sprint, milestone, board);
  }

  /** A folder and a document in it, written as DMS stores them, and a grant made through the API. */
  private Dms seedDms(Tenant tenant, User member, String folderName) {
    String token = tenant.ownerToken();
    String folderId = harness.create("/v1/folders", token, "{\"name\":\"" + folderName + "\"}");
    Response document = harness.post("/v1/documents", token, "{\"title\":\"Master services agreement\","
        + "\"folder_id\":\"" + folderId + "\",\"file_name\":\"plan.txt\",\"mime_type\":\"text/plain\","
        + "\"file_size_bytes\":" + ATTACHMENT_BYTES.length + ",\"checksum\":\"" + sha256Hex(ATTACHMENT_BYTES) + "\"}")
        .expect(201);
    String documentId = document.text("id");
    upload(document.json().path("upload"));
    harness.post("/v1/documents/" + documentId + "/versions/1/complete", token, "{}").expect(200);
    String permission = harness.create("/v1/documents/" + documentId + "/permissions", token,
        "{\"user_id\":\"" + member.id() + "\",\"permission_level\":\"edit\"}");
    String share = harness.create("/v1/documents/" + documentId + "/shares", token, "{\"permission_level\":\"view\"}");
    return new Dms(documentId, folderId, permission, share);
  }

  /**
   * The member's approval, made by the approvals part from an approval step's {@code step.started}
   * (put on the bus as the engine does; the rule dispatcher takes it as EventBridge would).
   */
  private Workflows seedWorkflows(Tenant tenant, User member, String workflowId) {
    String detail = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"tenant_id\":\"" + tenant.id()
        + "\",\"action\":\"step.started\",\"resource_type\":\"execution\",\"resource_id\":\"" + Ids.newId()
        + "\",\"workflow_id\":\"" + workflowId + "\",\"workflow_version\":1,\"step_id\":\"" + Ids.newId()
        + "\",\"node_id\":\"review\",\"node_type\":\"approval\",\"node_name\":\"Review\",\"attempt\":1,"
        + "\"requested_by\":\"" + tenant.ownerId() + "\",\"config\":{\"approvers\":{\"user_ids\":[\"" + member.id()
        + "\"]}}}";
    harness.api().rules().dispatch(List.of(new OutboxRecord(null, null, tenant.id(), Ids.newId(),
        "coditect.workflows", "step.started", detail)));
    LocalApiHarness.eventually("the seeded approval exists", Duration.ofSeconds(20), () ->
        harness.get("/v1/approvals?approver_id=me", member.token()).expect(200).json().path("items").size() == 1);
    String approvalId = harness.get("/v1/approvals?approver_id=me", member.token()).expect(200).json()
        .path("items").get(0).path("id").asText();
    // An execution that has finished before the snapshot (the engine runs it off the request path).
    String published = harness.create("/v1/workflows", tenant.ownerToken(), "{\"name\":\"Start to end\","
        + "\"definition\":{\"nodes\":[{\"id\":\"start\",\"type\":\"start\",\"name\":\"Start\"},"
        + "{\"id\":\"end\",\"type\":\"end\",\"name\":\"End\"}],\"edges\":[{\"from\":\"start\",\"to\":\"end\"}]}}");
    harness.post("/v1/workflows/" + published + "/publish", tenant.ownerToken(), "").expect(200);
    String executionId = harness.create("/v1/workflows/" + published + "/executions", tenant.ownerToken(),
        "{\"context_data\":{}}");
    LocalApiHarness.eventually("the seeded execution completed", Duration.ofSeconds(30), () ->
        "completed".equals(harness.get("/v1/executions/" + executionId, tenant.ownerToken()).expect(200).text("status")));
    return new Workflows(workflowId, approvalId, executionId);
  }

  private Audit seedAudit(Tenant tenant) {
    String review = harness.create("/v1/audit-reviews", tenant.ownerToken(), "{\"review_type\":\"access\","
        + "\"scope_start_date\":\"2026-01-01\",\"scope_end_date\":\"2026-06-30\",\"findings\":\"Two stale accounts\"}");
    return new Audit(review, seedReport(tenant));
  }

  /** PUTs the attachment's bytes to its presigned upload, with the headers the signature covers. */
  private static void upload(JsonNode upload) {
    var request = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
        .PUT(HttpRequest.BodyPublishers.ofByteArray(ATTACHMENT_BYTES));
    upload.path("headers").fields().forEachRemaining(header -> {
      if (!header.getKey().equalsIgnoreCase("Content-Length") && !header.getKey().equalsIgnoreCase("Host")) {
        request.header(header.getKey(), header.getValue().asText());
      }
    });
    try {
      int status = HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      assertEquals(200, status, "upload to the presigned URL");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicNode> everyRoute() {
    List<DynamicNode> nodes = new ArrayList<>();
    for (TemplateRoute route : routes) {
      nodes.add(route.isPublic() ? publicRoute(route) : authenticatedRoute(route));
    }
    // Last, after every route ran: nothing B did reached A.
    nodes.add(dynamicTest("tenant A is unchanged after the matrix", this::tenantAIsUnchanged));
    return nodes.stream();
  }

  private DynamicNode authenticatedRoute(TemplateRoute route) {
    List<String> parameters = parameters(route);
    List<DynamicNode> tests = new ArrayList<>();
    tests.add(check(route, "no token -> 401", () -> assertGatewayUnauthorized(route, null)));
    tests.add(check(route, "forged token -> 401", () -> assertGatewayUnauthorized(route,
        new DevTokens().issue(a.tenant().ownerId(), a.tenant().id(), "owner", false))));
    if (PLATFORM_ADMIN_ROUTES.contains(route.routeKey())) {
      tests.add(check(route, "tenant B's owner -> 403 (platform administrators only)", () -> {
        Response refused = send(route, path(route, idsOf(a, route)), b.tenant().ownerToken(), requireBody(route));
        assertEquals(403, refused.status(), refused.toString());
      }));
    } else if (!parameters.isEmpty()) {
      tests.add(check(route, "tenant B's token with tenant A's ids -> 404", () -> foreignIdsAre404(route)));
      if (parameters.size() > 1) {
        for (String parameter : parameters.stream().filter(p -> !NUMBERS.containsKey(p)).toList()) {
          tests.add(check(route, "tenant B's token, A's " + parameter + ", B's other ids -> refused as if absent",
              () -> oneForeignIdIsRefusedLikeAnAbsentOne(route, parameter)));
        }
      }
    } else if (route.method().equals("GET")) {
      tests.add(check(route, "tenant B's token -> 200 showing none of A's ids", () -> readShowsNothingOfA(route)));
    } else {
      tests.add(check(route, "tenant B's token -> acts in B only", () -> writeActsInBOnly(route)));
    }
    return dynamicContainer(route.routeKey(), tests.stream());
  }

  /** A dynamic test whose failure names the route, as surefire's report shows only its index. */
  private static DynamicTest check(TemplateRoute route, String name, Executable executable) {
    return dynamicTest(name, () -> {
      try {
        executable.execute();
      } catch (AssertionError e) {
        throw new AssertionError(route.routeKey() + ", " + name + ": " + e.getMessage(), e);
      }
    });
  }

  private DynamicNode publicRoute(TemplateRoute route) {
    return dynamicTest(route.routeKey() + " (public): answered without a token", () -> {
      Map<String, String> values = new LinkedHashMap<>();
      parameters(route).forEach(p -> values.put(p, "unknown-" + p));
      String body = WRITE_METHODS.contains(route.method()) ? WRITE_BODIES.getOrDefault(route.routeKey(), "{}") : null;
      Response response = send(route, path(route, values), null, body);
      assertFalse(response.status() == 401 && "Unauthorized".equals(response.text("message")),
          "the gateway asked for a token on a public route: " + response);
      assertTrue(response.status() < 500, response.toString());
    });
  }

  // ------------------------------------------------------------------------------------------
  // the checks

  private void assertGatewayUnauthorized(TemplateRoute route, String token) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : parameters(route)) {
      Function<Seed, String> id = parameterId(route, parameter);
      values.put(parameter, id == null ? UUID.randomUUID().toString() : id.apply(a));
    }
    Response response = send(route, path(route, values), token, WRITE_BODIES.get(route.routeKey()));
    assertEquals(401, response.status(), response.toString());
    assertEquals("Unauthorized", response.text("message"), response.toString());
  }

  private void foreignIdsAre404(TemplateRoute route) {
    String body = requireBody(route);
    Response foreign = send(route, path(route, idsOf(a, route)), b.tenant().ownerToken(), body);
    assertNotFoundProblem(foreign);
    assertNoIdsOfA(foreign);

    // And indistinguishable from an id that exists nowhere: no existence oracle.
    Map<String, String> nowhere = new LinkedHashMap<>();
    parameters(route).forEach(p -> nowhere.put(p, NUMBERS.getOrDefault(p, UUID.randomUUID().toString())));
    Response absent = send(route, path(route, nowhere), b.tenant().ownerToken(), body);
    assertNotFoundProblem(absent);
    assertEquals(absent.json().path("type"), foreign.json().path("type"), foreign + " vs " + absent);
    assertEquals(absent.json().path("title"), foreign.json().path("title"), foreign + " vs " + absent);
  }

  /**
   * One of A's ids among B's own: refused exactly as an id that exists nowhere would be (§8: no
   * existence oracle): 404, as for any id in a path.
   */
  private void oneForeignIdIsRefusedLikeAnAbsentOne(TemplateRoute route, String foreignParameter) {
    String body = requireBody(route);
    Map<String, String> values = idsOf(b, route);
    values.put(foreignParameter, parameterId(route, foreignParameter).apply(a));
    Response foreign = send(route, path(route, values), b.tenant().ownerToken(), body);
    values.put(foreignParameter, UUID.randomUUID().toString());
    Response absent = send(route, path(route, values), b.tenant().ownerToken(), body);

    assertEquals(404, foreign.status(), "A's " + foreignParameter + " must be refused as absent: " + foreign);
    assertTrue(foreign.isProblem(), foreign.toString());
    assertEquals(absent.status(), foreign.status(), "A's id answered unlike an absent one: " + foreign + " vs " + absent);
    assertEquals(absent.json().path("type"), foreign.json().path("type"), foreign + " vs " + absent);
    assertEquals(absent.errorFields(), foreign.errorFields(), foreign + " vs " + absent);
    assertNoIdsOfA(foreign);
  }

  private void readShowsNothingOfA(TemplateRoute route) {
    Response response = send(route, route.path(), b.tenant().ownerToken(), null).expect(200);
    if (response.json() != null && response.json().has("items")) {
      assertTrue(response.json().get("items").isArray(), response.toString());
      response.itemIds().forEach(id -> assertFalse(a.ids().contains(id), "B's list shows A's " + id));
    }
    assertNoIdsOfA(response);
  }

  private void writeActsInBOnly(TemplateRoute route) {
    Response response = send(route, route.path(), b.tenant().ownerToken(), requireBody(route));
    assertTrue(response.status() / 100 == 2 || response.status() == 403,
        "expected B's own write to succeed (or its role to be refused): " + response
            + ". A 409 would reveal tenant A's data; a 400 means WRITE_BODIES needs a valid body for "
            + route.routeKey());
    assertNoIdsOfA(response);
  }

  private void tenantAIsUnchanged() {
    Map<String, String> after = snapshotOfA();
    assertEquals(aBefore.keySet(), after.keySet());
    assertAll(aBefore.keySet().stream().map(request -> () -> assertEquals(aBefore.get(request), after.get(request),
        "tenant A's " + request + " changed during the matrix")));
  }

  /**
   * What A's owner reads on every GET route with A's ids: status, ETag and body. Routes whose
   * parameters the matrix does not know are left out (their own test fails).
   */
  private Map<String, String> snapshotOfA() {
    Map<String, String> snapshot = new LinkedHashMap<>();
    for (TemplateRoute route : routes) {
      if (route.isPublic() || !route.method().equals("GET") || RECORDED_READS.contains(route.routeKey())
          || PLATFORM_ADMIN_ROUTES.contains(route.routeKey())
          || !PATH_PARAMETERS.keySet().containsAll(parameters(route))) {
        continue;
      }
      Response response = send(route, path(route, idsOf(a, route)), a.tenant().ownerToken(), null);
      // A download route answers with a redirect to the file (a compliance report's PDF).
      boolean redirect = response.status() == 302 && response.header("Location") != null;
      assertTrue(response.status() == 200 || redirect,
          "tenant A cannot read its own " + route.routeKey() + ": " + response);
      String body = redirect ? "Location: " + response.header("Location") : response.body();
      snapshot.put(route.routeKey(), response.status() + "\nETag: " + response.header("ETag") + "\n"
          + EXPIRY.matcher(PRESIGNATURE.matcher(body).replaceAll("$1...")).replaceAll("$1..."));
    }
    // The member's own view too: B's PATCH /v1/me must not land on any of A's users.
    Response me = harness.get("/v1/me", a.member().token()).expect(200);
    snapshot.put("GET /v1/me (member)", me.header("ETag") + "\n" + me.body());
    assertTrue(snapshot.size() > 1, "nothing of A's to compare");
    return snapshot;
  }

  // ------------------------------------------------------------------------------------------
  // keeping the maps honest

  @Test
  void theMapsNameOnlyWhatTheTemplateHas() {
    Set<String> routeKeys = new TreeSet<>();
    Set<String> parameters = new TreeSet<>();
    routes.forEach(route -> {
      routeKeys.add(route.routeKey());
      parameters.addAll(parameters(route));
    });
    Set<String> staleBodies = new TreeSet<>(WRITE_BODIES.keySet());
    staleBodies.removeAll(routeKeys);
    assertEquals(Set.of(), staleBodies, "WRITE_BODIES names routes template.yaml no longer has");
    Set<String> staleParameters = new TreeSet<>(PATH_PARAMETERS.keySet());
    staleParameters.removeAll(parameters);
    assertEquals(Set.of(), staleParameters, "PATH_PARAMETERS names parameters no route has");
    assertNotEquals(0, routes.stream().filter(route -> !route.isPublic()).count(), "no authenticated routes?");
  }

  // ------------------------------------------------------------------------------------------

  /** Every POST carries a fresh Idempotency-Key: some routes (a refund) need one before they look an id up. */
  private Response send(TemplateRoute route, String path, String token, String body) {
    var request = harness.request(route.method(), path).token(token).body(body == null || body.isEmpty() ? null : body);
    if (route.method().equals("POST")) {
      request.header("Idempotency-Key", UUID.randomUUID().toString());
    }
    return request.send();
  }

  /**
   * The route's body from WRITE_BODIES, {@code ${plan}} standing for the platform's monthly product
   * and {@code ${member}} for B's member (B's contacts are its own users').
   */
  private String requireBody(TemplateRoute route) {
    if (!WRITE_METHODS.contains(route.method())) {
      return null;
    }
    String body = WRITE_BODIES.get(route.routeKey());
    if (body == null) {
      fail("RouteMatrixIT has no request body for " + route.routeKey() + ". Add one to WRITE_BODIES: the smallest "
          + "JSON the route accepts (\"\" for none), so the cross-tenant check reaches the id lookup.");
    }
    return body.replace("${plan}", productId).replace("${member}", b.member().id());
  }

  /** The route's path parameters filled with a seed's ids; fails naming any parameter the matrix lacks. */
  private static Map<String, String> idsOf(Seed seed, TemplateRoute route) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : parameters(route)) {
      Function<Seed, String> id = parameterId(route, parameter);
      if (id == null) {
        fail(route.routeKey() + " has the path parameter {" + parameter + "}, which RouteMatrixIT does not know. "
            + "Add \"" + parameter + "\" to PATH_PARAMETERS with the id of one of tenant A's resources "
            + "(create it in seed()), so this route's cross-tenant check can run.");
      }
      values.put(parameter, id.apply(seed));
    }
    return values;
  }

  /** Which of a seed's ids fills {@code parameter} in {@code route}'s path ({@link #ROUTE_PARAMETERS} first). */
  private static Function<Seed, String> parameterId(TemplateRoute route, String parameter) {
    String marker = "{" + parameter + "}";
    String upTo = route.path().substring(0, route.path().indexOf(marker) + marker.length());
    return ROUTE_PARAMETERS.getOrDefault(upTo, PATH_PARAMETERS.get(parameter));
  }

  private static List<String> parameters(TemplateRoute route) {
    List<String> names = new ArrayList<>();
    Matcher matcher = PATH_PARAMETER.matcher(route.path());
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String path(TemplateRoute route, Map<String, String> values) {
    Matcher matcher = PATH_PARAMETER.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(path, Matcher.quoteReplacement(
          URLEncoder.encode(values.get(matcher.group(1)), StandardCharsets.UTF_8)));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private static void assertNotFoundProblem(Response response) {
    assertEquals(404, response.status(), response.toString());
    assertTrue(response.isProblem(), "a 404 from a function is application/problem+json: " + response);
    assertEquals(404, response.json().path("status").asInt(), response.toString());
  }

  /** B's response holds none of A's ids, except those B itself sent in the path (a 404 may echo them). */
  private void assertNoIdsOfA(Response response) {
    String body = response.body().toLowerCase(Locale.ROOT);
    String sent = response.request().toLowerCase(Locale.ROOT);
    for (String id : a.ids()) {
      if (sent.contains(id.toLowerCase(Locale.ROOT))) {
        continue;
      }
      assertFalse(body.contains(id.toLowerCase(Locale.ROOT)), "tenant B was shown tenant A's id " + id + ": " + response);
    }
  }
}
