package com.coditect.commerce.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.commerce.data.CartLine;
import com.coditect.commerce.domain.CartTotals.Amounts;
import com.coditect.commerce.domain.CartTotals.Discount;
import com.coditect.commerce.domain.CartTotals.Rate;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rounding rule of {@link CartTotals} against cases computed by hand. */
class CartTotalsTest {

  private static CartLine line(long unit, int quantity) {
    return new CartLine("p", "SKU", "Thing", unit, quantity, "usd");
  }

  private static Rate exclusive(String percentage) {
    return new Rate(new BigDecimal(percentage), false);
  }

  private static Rate inclusive(String percentage) {
    return new Rate(new BigDecimal(percentage), true);
  }

  @Test
  void anEmptyCartIsAllZero() {
    assertEquals(new Amounts(0, 0, 0, 0, 0), CartTotals.of(List.of(), Discount.none(), List.of(exclusive("20"))));
  }

  @Test
  void theSubtotalIsExactAndWithoutRatesTheTotal() {
    // 2 x 12.99 + 3 x 0.35 = 25.98 + 1.05 = 27.03
    assertEquals(new Amounts(2_703, 0, 0, 0, 2_703),
        CartTotals.of(List.of(line(1_299, 2), line(35, 3)), Discount.none(), List.of()));
  }

  @Test
  void aPercentageDiscountRoundsHalfUp() {
    // 15 % of 9.99 = 1.4985 -> 1.50; base 8.49
    assertEquals(new Amounts(999, 150, 0, 0, 849), CartTotals.of(List.of(line(999, 1)), new Discount(15, null), List.of()));
    // 10 % of 0.05 = 0.005 -> 0.01 (half up); 10 % of 0.04 = 0.004 -> 0.00
    assertEquals(1, CartTotals.of(List.of(line(5, 1)), new Discount(10, null), List.of()).discountCents());
    assertEquals(0, CartTotals.of(List.of(line(4, 1)), new Discount(10, null), List.of()).discountCents());
  }

  @Test
  void anAmountOffNeverTakesTheTotalBelowZero() {
    assertEquals(new Amounts(500, 500, 0, 0, 0),
        CartTotals.of(List.of(line(500, 1)), new Discount(null, 2_000L), List.of(exclusive("8.875"))));
  }

  @Test
  void exclusiveTaxIsOnTheDiscountedBaseRateByRate() {
    // 2 x 19.99 = 39.98; 10 % off = 3.998 -> 4.00; base 35.98.
    // 6.25 % of 35.98 = 2.24875 -> 2.25; 2.625 % of 35.98 = 0.944475 -> 0.94; tax 3.19.
    // (One rounding of the sum, 3.193225 -> 3.19, agrees here; rate by rate is the rule.)
    assertEquals(new Amounts(3_998, 400, 319, 0, 3_917),
        CartTotals.of(List.of(line(1_999, 2)), new Discount(10, null), List.of(exclusive("6.25"), exclusive("2.625"))));
  }

  @Test
  void eachRateIsRoundedOnItsOwn() {
    // base 0.10: 5 % = 0.005 -> 0.01, twice -> 0.02 (rounding the sum, 0.010, would give 0.01).
    assertEquals(new Amounts(10, 0, 2, 0, 12),
        CartTotals.of(List.of(line(10, 1)), Discount.none(), List.of(exclusive("5"), exclusive("5"))));
  }

  @Test
  void inclusiveTaxIsReportedButNotAddedAgain() {
    // 120.00 including 20 % VAT: net 100.00, VAT 20.00.
    assertEquals(new Amounts(12_000, 0, 0, 2_000, 12_000),
        CartTotals.of(List.of(line(12_000, 1)), Discount.none(), List.of(inclusive("20"))));
    // 9.99 including 19 %: 9.99 / 1.19 = 8.394957... -> VAT 1.595042... -> 1.60.
    assertEquals(160, CartTotals.of(List.of(line(999, 1)), Discount.none(), List.of(inclusive("19"))).taxIncludedCents());
  }

  @Test
  void theIdentityHoldsForEveryCase() {
    for (int unit : new int[] {1, 7, 99, 1_999, 123_457}) {
      for (int percent : new int[] {1, 15, 33, 100}) {
        Amounts a = CartTotals.of(List.of(line(unit, 3)), new Discount(percent, null),
            List.of(exclusive("8.875"), inclusive("7")));
        assertEquals(a.totalCents(), a.subtotalCents() - a.discountCents() + a.taxCents());
        assertEquals(true, a.totalCents() >= 0 && a.discountCents() <= a.subtotalCents());
      }
    }
  }

  @Test
  void anOverflowingCartIsRefusedNotWrapped() {
    assertThrows(ArithmeticException.class,
        () -> CartTotals.of(List.of(line(Long.MAX_VALUE / 2, 3)), Discount.none(), List.of()));
  }
}
