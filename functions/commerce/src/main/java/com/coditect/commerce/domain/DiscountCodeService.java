package com.coditect.commerce.domain;

import com.coditect.commerce.api.CreateDiscountCodeRequest;
import com.coditect.commerce.api.DiscountCodeResponse;
import com.coditect.commerce.api.UpdateDiscountCodeRequest;
import com.coditect.commerce.data.DiscountCodeItem;
import com.coditect.commerce.data.DiscountCodeRepository;
import com.coditect.shared.domain.Resource;
import com.coditect.shared.domain.VersionedWriter;
import com.coditect.shared.error.ConflictException;
import com.coditect.shared.error.NotFoundException;
import com.coditect.shared.http.Created;
import com.coditect.shared.http.IdempotencyClaim;
import com.coditect.shared.store.Ids;
import com.coditect.shared.store.PageRequest;
import com.coditect.shared.store.ResultPage;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.store.Versioned;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.TenantId;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * The platform's discount codes, kept by platform administrators; changes go to the platform's
 * own audit trail. A code's terms never change once created: carts copy them when the code is
 * applied, and a new offer is a new code.
 */
@Singleton
public final class DiscountCodeService {

  static final String TYPE = "discount_code";

  private final DiscountCodeRepository codes;
  private final VersionedWriter writer;
  private final Clock clock;
  private final Resource<DiscountCodeItem, DiscountCodeResponse> resource;

  @Inject
  DiscountCodeService(DiscountCodeRepository codes, VersionedWriter writer, Clock clock) {
    this.codes = codes;
    this.writer = writer;
    this.clock = clock;
    this.resource = new Resource<>(codes, DiscountCodeResponse::from, DiscountCodeItem::id, TYPE);
  }

  public ResultPage<DiscountCodeResponse> list(PageRequest page) {
    return codes.list(page).map(DiscountCodeResponse::from);
  }

  public Versioned<DiscountCodeResponse> get(String code) {
    DiscountCodeItem item = find(code);
    return new Versioned<>(DiscountCodeResponse.from(item), item.version());
  }

  /** A code is its item's key, so a second one with the same code is a 409 naming {@code code}. */
  public Created<DiscountCodeResponse> create(Caller caller, CreateDiscountCodeRequest request, IdempotencyClaim claim) {
    String id = Ids.newId();
    DiscountCodeItem code = DiscountCodeRepository.indexed(DiscountCodeItem.builder()
        .meta(DiscountCodeRepository.newMeta(request.code(), Timestamps.now(clock)))
        .id(id)
        .code(request.code())
        .description(request.description())
        .percentOff(request.percentOff())
        .amountOffCents(request.amountOffCents())
        .currency(request.currency())
        .active(request.active())
        .expiresAt(request.expiresAt())
        .build());
    return writer.create(TenantId.PLATFORM, caller.actor(), resource, code, "/v1/discount-codes/" + request.code(),
        claim, tx -> { }, () -> ConflictException.forField("code", "a discount code " + request.code() + " exists already"));
  }

  public Versioned<DiscountCodeResponse> update(Caller caller, String code, Optional<Long> ifMatch,
      UpdateDiscountCodeRequest request) {
    DiscountCodeItem item = find(code);
    return writer.update(TenantId.PLATFORM, caller.actor(), resource, item, ifMatch, TYPE + ".updated",
        c -> c.withDescription(request.description().orElse(c.description()))
            .withActive(request.active().orElse(c.active()))
            .withExpiresAt(request.expiresAt().orElse(c.expiresAt())));
  }

  private DiscountCodeItem find(String code) {
    return codes.find(code).orElseThrow(() -> new NotFoundException("The discount code was not found."));
  }
}
