package com.coditect.identity;

import com.coditect.shared.events.Actor;
import com.coditect.shared.events.DomainEvent;
import com.coditect.shared.events.Outbox;
import com.coditect.shared.store.Transactions;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Records a sign-in as the event {@code user.login}: one outbox item written on its own (one
 * PutItem), which the table stream carries to the bus and the audit ingest like any other event.
 * The Cognito post-authentication trigger and the local token issuer both come here, so a sign-in
 * is audited the same way on AWS and locally.
 *
 * <p>DESIGN.md §5 would put an event with no table change of its own straight on the bus; the
 * outbox is used instead so that a sign-in event has the outbox's guarantees (the publisher
 * retries, bisects and parks failures in its DLQ) and the trigger needs no EventBridge client.
 */
@Singleton
public final class SignInEvents {

  public static final String ACTION = "user.login";

  private final Transactions transactions;
  private final Outbox outbox;

  @Inject
  SignInEvents(Transactions transactions, Outbox outbox) {
    this.transactions = transactions;
    this.outbox = outbox;
  }

  /**
   * Writes the sign-in of {@code userId} to {@code tenant}. {@code ip} and {@code userAgent} are
   * null when the sign-in service does not say (Cognito's trigger event carries neither). Throws
   * when the event could not be written.
   */
  public DomainEvent recordLogin(TenantId tenant, String userId, String ip, String userAgent) {
    WriteTransaction tx = transactions.begin();
    // No HTTP request of ours made the sign-in, so the event names none.
    DomainEvent event = outbox.record(tx, tenant, new Actor(userId, ip, userAgent, null, null), ACTION, "user",
        userId, Map.of());
    tx.commit();
    return event;
  }
}
