package com.coditect.pm.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Board ranks: order, room at both ends, the length bound and the rebalance of a crowded spot. */
class RanksTest {

  @Test
  void newTasksSortByCreationTimeAndLeaveRoomAtTheTop() {
    String earlier = Ranks.forNewTask(1_700_000_000_000L);
    String later = Ranks.forNewTask(1_700_000_000_001L);
    assertEquals(10, earlier.length());
    assertTrue(earlier.startsWith("u"));
    assertTrue(earlier.compareTo(later) < 0);
    assertTrue(Ranks.forNewTask(0).compareTo(earlier) < 0);
  }

  @Test
  void betweenSortsStrictlyBetweenItsNeighboursAndNeverEndsInZero() {
    List<String[]> pairs = List.of(new String[] {"a", "b"}, new String[] {"a", "a1"}, new String[] {"1", "2"},
        new String[] {"u0mx7apc34", "u0mx7apc35"}, new String[] {"0z", "1"}, new String[] {"zy", "zz"},
        new String[] {"h", "hz"}, new String[] {null, "1"}, new String[] {"zz", null}, new String[] {null, null});
    for (String[] pair : pairs) {
      String rank = Ranks.between(pair[0], pair[1]);
      assertTrue(pair[0] == null || pair[0].compareTo(rank) < 0, pair[0] + " < " + rank);
      assertTrue(pair[1] == null || rank.compareTo(pair[1]) < 0, rank + " < " + pair[1]);
      assertFalse(rank.endsWith("0"), rank);
    }
  }

  @Test
  void neighboursOutOfOrderAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Ranks.between("b", "a"));
    assertThrows(IllegalArgumentException.class, () -> Ranks.between("a", "a"));
  }

  @Test
  void movingToTheTopAgainAndAgainKeepsTheRankAsLongAsItWas() {
    // The old ranks halved the room to the top each time and threw after about 325 moves.
    String top = Ranks.forNewTask(1_700_000_000_000L);
    for (int move = 0; move < 10_000; move++) {
      String next = Ranks.between(null, top);
      assertTrue(next.compareTo(top) < 0);
      assertFalse(next.endsWith("0"));
      top = next;
    }
    assertEquals(10, top.length());
    assertTrue(Ranks.fits(top));
  }

  @Test
  void movingToTheBottomAgainAndAgainKeepsTheRankAsLongAsItWas() {
    String bottom = Ranks.forNewTask(1_700_000_000_000L);
    for (int move = 0; move < 10_000; move++) {
      String next = Ranks.between(bottom, null);
      assertTrue(next.compareTo(bottom) > 0);
      assertFalse(next.endsWith("0"));
      bottom = next;
    }
    assertEquals(10, bottom.length());
  }

  @Test
  void theEndsOfTheRangeStillHaveRoomOneDigitFurther() {
    assertEquals("0z", Ranks.between(null, "1"));
    assertEquals("00z", Ranks.between(null, "01"));
    assertEquals("tz", Ranks.between(null, "u1"), "never a rank ending in 0");
    assertEquals("zz1", Ranks.between("zz", null));
    assertEquals("v1", Ranks.between("uz", null));
  }

  @Test
  void placingIntoTheSameGapAgainAndAgainOutgrowsTheBoundAndFitsSaysSo() {
    String low = "u0mx7apc34";
    String high = "u0mx7apc35";
    int placements = 0;
    String rank = Ranks.between(low, high);
    while (Ranks.fits(rank)) {
      high = rank;
      rank = Ranks.between(low, high);
      placements++;
    }
    assertEquals(Ranks.MAX_LENGTH + 1, rank.length());
    assertTrue(placements > 25, "about five placements per character: " + placements);
  }

  @Test
  void aSpotCrowdedWithoutEndStaysPlaceableLongAfterTheOldBound() {
    // Always right after the same task: rebalancing the few tasks after it each time it is crowded.
    String low = "u0mx7apc34";
    List<String> column = new ArrayList<>(List.of("u0mx7apc35"));
    for (int placement = 0; placement < 1000; placement++) {
      String rank = Ranks.between(low, column.get(0));
      if (Ranks.fits(rank)) {
        column.add(0, rank);
        continue;
      }
      int movable = Math.min(column.size(), Ranks.REBALANCE_WINDOW);
      String limit = movable < column.size() ? column.get(movable) : null;
      List<String> ranks = Ranks.rebalance(low, new ArrayList<>(column.subList(0, movable)), limit).orElseThrow(
          () -> new AssertionError("crowded out after " + column.size() + " placements"));
      for (int i = 1; i < ranks.size(); i++) {
        column.set(i - 1, ranks.get(i));
      }
      column.add(0, ranks.get(0));
    }
    for (int i = 1; i < column.size(); i++) {
      assertTrue(column.get(i - 1).compareTo(column.get(i)) < 0, "order kept at " + i);
    }
    assertTrue(column.stream().allMatch(rank -> rank.length() <= Ranks.REBALANCED_MAX_LENGTH));
  }

  @Test
  void theBoundIsInclusive() {
    assertTrue(Ranks.fits("1".repeat(Ranks.MAX_LENGTH)));
    assertFalse(Ranks.fits("1".repeat(Ranks.MAX_LENGTH + 1)));
  }

  @Test
  void aCrowdedSpotSpreadsTheMovedTaskAndTheTasksAfterItOverTheRoomToTheNext() {
    // Tasks placed again and again right after "u0mx7apc34", until the next would pass the bound.
    String low = "u0mx7apc34";
    List<String> crowd = new ArrayList<>(List.of("u0mx7apc35"));
    while (Ranks.fits(Ranks.between(low, crowd.get(0)))) {
      crowd.add(0, Ranks.between(low, crowd.get(0)));
    }
    List<String> movable = crowd.subList(0, Ranks.REBALANCE_WINDOW);
    String limit = crowd.get(Ranks.REBALANCE_WINDOW);
    List<String> ranks = Ranks.rebalance(low, movable, limit).orElseThrow();
    assertEquals(Ranks.REBALANCE_WINDOW + 1, ranks.size(), "the moved task and the whole window");
    List<String> order = new ArrayList<>(List.of(low));
    order.addAll(ranks);
    order.add(limit);
    for (int i = 1; i < order.size(); i++) {
      assertTrue(order.get(i - 1).compareTo(order.get(i)) < 0, order.get(i - 1) + " < " + order.get(i));
    }
    ranks.forEach(rank -> {
      assertTrue(Ranks.fits(rank), rank + " leaves room to grow");
      assertFalse(rank.endsWith("0"));
    });
    assertTrue(Ranks.fits(Ranks.between(low, ranks.get(0))), "the spot has room again");
  }

  @Test
  void aShorterRankAloneIsTakenWhenItHasRoomAndNothingIsRenumbered() {
    // Far-apart neighbours whose midpoint is long only because the low one is: "1" and "u" + 20 digits.
    String low = "u" + "1".repeat(20);
    List<String> ranks = Ranks.rebalance("1", List.of(low), "v").orElseThrow();
    assertEquals(1, ranks.size());
    assertTrue("1".compareTo(ranks.get(0)) < 0 && ranks.get(0).compareTo(low) < 0);
  }

  @Test
  void aSpotAtTheEndOfTheColumnSpreadsIntoTheOpenEnd() {
    String last = "u0mx7apc34" + "0".repeat(6) + "1";
    List<String> ranks = Ranks.rebalance("u0mx7apc34", List.of(last), null).orElseThrow();
    assertEquals(2, ranks.size(), "the moved task and the one task after it, toward the open end");
    assertTrue("u0mx7apc34".compareTo(ranks.get(0)) < 0 && ranks.get(0).compareTo(ranks.get(1)) < 0);
    assertTrue(ranks.get(1).length() < last.length());
  }

  @Test
  void aWindowTooCrowdedEverywhereIsEmpty() {
    // Sixteen tasks one unit apart at the rebalance bound's length, and the next one right after.
    String base = "u" + "0".repeat(Ranks.REBALANCED_MAX_LENGTH - 3);
    List<String> movable = new ArrayList<>();
    for (char digit : "23456789abcdefgh".toCharArray()) {
      movable.add(base + "a" + digit);
    }
    assertEquals(Optional.empty(), Ranks.rebalance(base + "a1", movable, base + "ai"));
    assertThrows(IllegalArgumentException.class, () -> Ranks.rebalance("a", Collections.nCopies(
        Ranks.REBALANCE_WINDOW + 1, "b"), null));
  }

  @Test
  void spreadIsEvenShortAndStrictlyInside() {
    List<String> ranks = Ranks.spread("a", "b", 3).orElseThrow();
    assertEquals(List.of("a9", "ai", "ar"), ranks);
    assertEquals(List.of("i"), Ranks.spread(null, null, 1).orElseThrow());
    String crowded = "a" + "0".repeat(Ranks.REBALANCED_MAX_LENGTH - 2);
    assertEquals(Optional.empty(), Ranks.spread(crowded + "1", crowded + "2", 1), "no room at the longest length");
  }
}
