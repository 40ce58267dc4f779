package com.coditect.pm.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Board order as fractional-index strings over the digits {@code 0-9a-z}: a rank {@code d1d2...dn}
 * is the number {@code 0.d1d2...dn} in base 36, and plain string order is that number's order as
 * long as no rank ends in {@code 0} (none is made so: {@code "u"} and {@code "u0"} would be equal
 * numbers with no string between them). Placing a task rewrites only that task, as long as there
 * is room:
 *
 * <ul>
 *   <li>at either end of a column a rank steps one unit past the end task's rank at that rank's own
 *       length, so moving tasks to the top or the bottom again and again keeps ranks as long as
 *       they are (ten characters give 36^10 steps);
 *   <li>between two tasks it is the midpoint, one character longer about every five placements
 *       into the same gap. When the midpoint would pass {@link #MAX_LENGTH}, the spot is crowded:
 *       {@link #rebalance} spreads the moved task and the few tasks after it evenly over the room
 *       up to the next task, as short as that room allows. Placing into one spot without end
 *       still lengthens ranks there, but slowly (as the logarithm of the crowd, not by one
 *       character per five placements); a spot crowded past {@link #REBALANCED_MAX_LENGTH} even
 *       spread out is refused (the caller answers 409) rather than written.
 * </ul>
 */
public final class Ranks {

  static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int BASE = DIGITS.length();
  private static final BigInteger BIG_BASE = BigInteger.valueOf(BASE);
  /**
   * The longest rank a placement makes without rebalancing: six characters more than a new task's
   * ten, about thirty placements into one gap. Rebalancing early keeps a crowd shallow, so a few
   * tasks spread out give the spot its room back.
   */
  public static final int MAX_LENGTH = 16;
  /**
   * The longest rank a rebalance gives, when even spread out a spot stays crowded: some three
   * thousand placements into one spot with nothing else moving, and still far below what a board
   * row's sort key ({@code status#rank#id}, at most 1,024 bytes) may hold.
   */
  public static final int REBALANCED_MAX_LENGTH = 64;
  /** The most tasks after the spot a rebalance renumbers, besides the moved one. */
  public static final int REBALANCE_WINDOW = 16;
  /** A rebalance that gets ranks this short renumbers no more tasks to get shorter ones. */
  private static final int ROOMY_LENGTH = MAX_LENGTH - 2;

  private Ranks() {}

  /**
   * A rank for a new task that sorts after every earlier one without reading them: the creation
   * time in base 36 behind {@code u}, which leaves room below for tasks placed at the top.
   */
  public static String forNewTask(long epochMillis) {
    StringBuilder digits = new StringBuilder();
    long value = epochMillis;
    do {
      digits.append(DIGITS.charAt((int) (value % BASE)));
      value /= BASE;
    } while (value > 0);
    while (digits.length() < 9) {
      digits.append('0');
    }
    return "u" + digits.reverse();
  }

  /**
   * A rank strictly between {@code after} and {@code before} (null: no neighbour on that side). It
   * may be longer than {@link #MAX_LENGTH}: see {@link #fits} and {@link #rebalance}.
   *
   * @throws IllegalArgumentException if {@code after} is not below {@code before}
   */
  public static String between(String after, String before) {
    if (after != null && before != null && after.compareTo(before) >= 0) {
      throw new IllegalArgumentException("after must sort before before");
    }
    if (after == null && before == null) {
      return String.valueOf(DIGITS.charAt(BASE / 2));
    }
    if (after == null) {
      return below(before);
    }
    if (before == null) {
      return above(after);
    }
    return midpoint(after, before);
  }

  /** True when a placement may use {@code rank} without rebalancing. */
  public static boolean fits(String rank) {
    return rank.length() <= MAX_LENGTH;
  }

  /**
   * New ranks for a crowded spot: the moved task goes right after {@code after} (null: the top of
   * the column), followed by the tasks whose ranks {@code movable} lists in column order (nearest
   * first, at most {@link #REBALANCE_WINDOW}), then by the task ranked {@code limit} (null: the
   * column ends after them), which keeps its rank. The result has the moved task's rank first,
   * then one for each of the first {@code k} movable tasks, spread evenly over the room up to the
   * next task: none if a shorter rank alone has room to grow, else the whole window, which makes
   * the crowd grow slowest; empty when the ranks would be longer than {@link #REBALANCED_MAX_LENGTH}.
   */
  public static Optional<List<String>> rebalance(String after, List<String> movable, String limit) {
    if (movable.size() > REBALANCE_WINDOW) {
      throw new IllegalArgumentException("at most " + REBALANCE_WINDOW + " tasks are renumbered");
    }
    Optional<List<String>> alone = spread(after, movable.isEmpty() ? limit : movable.get(0), 1);
    if (alone.isPresent() && alone.get().get(0).length() <= ROOMY_LENGTH) {
      return alone;
    }
    Optional<List<String>> all = spread(after, limit, movable.size() + 1);
    if (all.isPresent() && (alone.isEmpty() || all.get().get(0).length() < alone.get().get(0).length())) {
      return all;
    }
    return alone;
  }

  /**
   * {@code count} ranks strictly between {@code low} and {@code high} (null: the column's start or
   * end), evenly spaced at the shortest length that holds them, none ending in {@code 0}; empty if
   * that takes more than {@link #REBALANCED_MAX_LENGTH}.
   */
  static Optional<List<String>> spread(String low, String high, int count) {
    for (int length = 1; length <= REBALANCED_MAX_LENGTH; length++) {
      BigInteger lowest = low == null ? BigInteger.ZERO : floorAt(low, length);
      BigInteger highest = high == null ? BIG_BASE.pow(length) : ceilingAt(high, length);
      BigInteger step = highest.subtract(lowest).divide(BigInteger.valueOf(count + 1L));
      // Two units apart at least, so a rank moved off a trailing 0 stays below the next one.
      if (step.compareTo(BigInteger.TWO) < 0) {
        continue;
      }
      List<String> ranks = new ArrayList<>();
      for (int i = 1; i <= count; i++) {
        BigInteger value = lowest.add(step.multiply(BigInteger.valueOf(i)));
        if (value.mod(BIG_BASE).signum() == 0) {
          value = value.add(BigInteger.ONE);
        }
        ranks.add(text(value, length));
      }
      return Optional.of(List.copyOf(ranks));
    }
    return Optional.empty();
  }

  /** The nearest rank below {@code rank} at its own length (longer only at the very bottom of the range). */
  static String below(String rank) {
    for (int length = rank.length(); ; length++) {
      BigInteger value = valueAt(rank, length).subtract(BigInteger.ONE);
      if (value.signum() > 0 && value.mod(BIG_BASE).signum() == 0) {
        value = value.subtract(BigInteger.ONE);
      }
      if (value.signum() > 0) {
        return text(value, length);
      }
    }
  }

  /** The nearest rank above {@code rank} at its own length (longer only at the very top of the range). */
  static String above(String rank) {
    for (int length = rank.length(); ; length++) {
      BigInteger value = valueAt(rank, length).add(BigInteger.ONE);
      if (value.mod(BIG_BASE).signum() == 0) {
        value = value.add(BigInteger.ONE);
      }
      if (value.compareTo(BIG_BASE.pow(length)) < 0) {
        return text(value, length);
      }
    }
  }

  /** The shortest midpoint of two ranks: digit by digit until there is room for one between. */
  private static String midpoint(String low, String high) {
    StringBuilder result = new StringBuilder();
    for (int i = 0; ; i++) {
      int lowDigit = i < low.length() ? DIGITS.indexOf(low.charAt(i)) : 0;
      // Once the result is above the prefix `high` shares with it, the upper bound is open.
      int highDigit = result.toString().equals(high.substring(0, Math.min(i, high.length()))) && i < high.length()
          ? DIGITS.indexOf(high.charAt(i)) : BASE;
      if (highDigit - lowDigit > 1) {
        return result.append(DIGITS.charAt((lowDigit + highDigit) / 2)).toString();
      }
      result.append(DIGITS.charAt(lowDigit));
    }
  }

  /** {@code rank} as an integer of {@code length} digits, padded with zeros (its length at most that). */
  private static BigInteger valueAt(String rank, int length) {
    BigInteger value = BigInteger.ZERO;
    for (int i = 0; i < length; i++) {
      value = value.multiply(BIG_BASE).add(BigInteger.valueOf(i < rank.length() ? DIGITS.indexOf(rank.charAt(i)) : 0));
    }
    return value;
  }

  /** The largest integer of {@code length} digits whose rank is at most {@code rank}. */
  private static BigInteger floorAt(String rank, int length) {
    return valueAt(rank.length() > length ? rank.substring(0, length) : rank, length);
  }

  /** The smallest integer of {@code length} digits whose rank is at least {@code rank}. */
  private static BigInteger ceilingAt(String rank, int length) {
    BigInteger floor = floorAt(rank, length);
    boolean cut = rank.length() > length && rank.substring(length).chars().anyMatch(c -> c != '0');
    return cut ? floor.add(BigInteger.ONE) : floor;
  }

  private static String text(BigInteger value, int length) {
    StringBuilder digits = new StringBuilder(value.toString(BASE));
    while (digits.length() < length) {
      digits.insert(0, '0');
    }
    return digits.toString();
  }
}
