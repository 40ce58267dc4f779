package com.coditect.dms.data;

import com.coditect.shared.store.ItemRepository;
import com.coditect.shared.store.SingleTable;
import com.coditect.shared.tenancy.TenantId;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Singleton;

/** The teams of a member as DMS learned them from tenancy's events. */
@Singleton
public final class MemberTeamsRepository extends ItemRepository<MemberTeamsItem> {

  @Inject
  public MemberTeamsRepository(SingleTable table) {
    super(table, MemberTeamsItem.SCHEMA);
  }

  /** The ids of the user's teams (none known: empty): one GetItem. */
  public Set<String> teamsOf(TenantId tenant, String userId) {
    MemberTeamsItem item = table.getItem(DmsKeys.memberTeams(tenant, userId));
    return item == null ? Set.of() : Set.copyOf(item.teamIds());
  }
}
