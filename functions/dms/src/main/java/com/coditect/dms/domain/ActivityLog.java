package com.coditect.dms.domain;

import com.coditect.dms.data.DocumentActivityItem;
import com.coditect.dms.data.DocumentActivityRepository;
import com.coditect.dms.model.DocumentActivityAction;
import com.coditect.shared.events.Actor;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.WriteTransaction;
import com.coditect.shared.tenancy.TenantId;
import javax.inject.Inject;
import javax.inject.Singleton;

/** Adds a document's activity row, with the address and agent of the request, to the change's transaction. */
@Singleton
public final class ActivityLog {

  /** The spec's {@code CharField(500)}: a longer agent string is cut, not refused. */
  static final int USER_AGENT_MAX = 500;

  private final DocumentActivityRepository activity;

  @Inject
  ActivityLog(DocumentActivityRepository activity) {
    this.activity = activity;
  }

  public void add(WriteTransaction tx, TenantId tenant, Actor actor, String documentId,
      DocumentActivityAction action, String now) {
    String id = Ids.newId();
    String agent = actor.userAgent();
    activity.append(tx, tenant, DocumentActivityItem.builder()
        .meta(DocumentActivityRepository.newMeta(tenant, documentId, id, now))
        .id(id)
        .documentId(documentId)
        .userId(actor.userId())
        .action(action)
        .ipAddress(actor.ip())
        .userAgent(agent == null || agent.length() <= USER_AGENT_MAX ? agent : agent.substring(0, USER_AGENT_MAX))
        .build());
  }
}
