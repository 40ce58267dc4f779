package com.coditect.billing.api;

import com.coditect.billing.model.RefundReason;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /v1/payments/{payment_id}/refunds}: {@code amount_cents} (at least 1; absent: all that
 * is left to refund) and an optional {@code reason}.
 */
public record CreateRefundRequest(Long amountCents, RefundReason reason) {

  public static CreateRefundRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body);
    Integer amount = fields.optionalInteger("amount_cents", 1, Integer.MAX_VALUE);
    var request = new CreateRefundRequest(amount == null ? null : amount.longValue(),
        fields.optionalChoice("reason", RefundReason.class));
    fields.finish();
    return request;
  }
}
