package com.coditect.commerce.domain;

import com.coditect.commerce.data.CartLine;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of a cart's amounts, in integer minor units (cents), never negative:
 * {@code subtotal - discount + tax = total}.
 *
 * <p>The rounding rule, the same everywhere:
 * <ol>
 *   <li>{@code subtotal} is the sum of unit amount x quantity over the lines: exact.
 *   <li>A percentage discount is {@code subtotal x percent / 100}, rounded half up to a cent; an
 *       amount-off discount is its amount. Either is capped at the subtotal.
 *   <li>The taxable base is {@code subtotal - discount}.
 *   <li>Each exclusive rate's tax is {@code base x percentage / 100}, rounded half up to a cent,
 *       rate by rate (each jurisdiction rounds its own tax); {@code tax} is their sum and is added
 *       to the total.
 *   <li>Inclusive rates are already in the prices: their part, {@code base - base / (1 + sum of
 *       inclusive percentages / 100)} rounded half up, is reported as {@code tax_included} and
 *       not added again.
 * </ol>
 * Half up means 0.5 cent goes away from zero (all amounts here are positive).
 */
public final class CartTotals {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** A rate as it applies: its percentage (exact decimal text, {@code "8.875"}) and whether prices include it. */
  public record Rate(BigDecimal percentage, boolean inclusive) {}

  /** A discount: a whole percent off, or an amount off (exactly one is set). */
  public record Discount(Integer percentOff, Long amountOffCents) {

    public static Discount none() {
      return new Discount(null, null);
    }
  }

  /** The amounts of a cart. */
  public record Amounts(long subtotalCents, long discountCents, long taxCents, long taxIncludedCents, long totalCents) {}

  private CartTotals() {}

  public static Amounts of(List<CartLine> lines, Discount discount, List<Rate> rates) {
    long subtotal = 0;
    for (CartLine line : lines) {
      subtotal = Math.addExact(subtotal, Math.multiplyExact(line.unitAmountCents(), (long) line.quantity()));
    }
    long off = 0;
    if (discount.percentOff() != null) {
      off = halfUp(BigDecimal.valueOf(subtotal).multiply(BigDecimal.valueOf(discount.percentOff())).divide(HUNDRED));
    } else if (discount.amountOffCents() != null) {
      off = discount.amountOffCents();
    }
    off = Math.min(Math.max(off, 0), subtotal);
    long base = subtotal - off;
    long tax = 0;
    BigDecimal inclusivePercent = BigDecimal.ZERO;
    for (Rate rate : rates) {
      if (rate.inclusive()) {
        inclusivePercent = inclusivePercent.add(rate.percentage());
      } else {
        tax += halfUp(BigDecimal.valueOf(base).multiply(rate.percentage()).divide(HUNDRED));
      }
    }
    long included = 0;
    if (inclusivePercent.signum() > 0) {
      BigDecimal divisor = BigDecimal.ONE.add(inclusivePercent.divide(HUNDRED));
      // Twenty digits of the quotient are far more than a cent needs before the one rounding.
      BigDecimal net = BigDecimal.valueOf(base).divide(divisor, 20, RoundingMode.HALF_UP);
      included = halfUp(BigDecimal.valueOf(base).subtract(net));
    }
    return new Amounts(subtotal, off, tax, included, base + tax);
  }

  private static long halfUp(BigDecimal cents) {
    return cents.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
