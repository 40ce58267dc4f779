package com.coditect.workflows.domain;

import com.coditect.workflows.domain.DiagramModel.PathState;
import org.jspecify.annotations.Nullable;

/**
 * The diagram's colours, one place, so the SVG and the Mermaid text agree and a test can check a
 * node's colour against its analysis. Heat ({@link DiagramModel#heat}) runs on a
 * yellow-orange-red scale (ColorBrewer's YlOrRd ends); a node with no runs in the period is grey.
 * Failure rate is a purple bar; an execution's states are rings of their own hues.
 */
public final class DiagramColours {

  public static final String NO_DATA = "#eeeeee";
  public static final String FAILURE_BAR = "#7b1fa2";
  public static final String FAILURE_TRACK = "#e0e0e0";
  public static final String EDGE = "#555555";
  public static final String TAKEN_EDGE = "#2166ac";

  private static final int[] COOL = {0xff, 0xff, 0xcc};
  private static final int[] MIDDLE = {0xfd, 0x8d, 0x3c};
  private static final int[] HOT = {0xbd, 0x00, 0x26};

  private DiagramColours() {}

  /** The fill of a node of {@code heat} (0 to 1; null: no runs). */
  public static String fill(@Nullable Double heat) {
    if (heat == null) {
      return NO_DATA;
    }
    double h = Math.max(0, Math.min(1, heat));
    return h <= 0.5 ? mix(COOL, MIDDLE, h / 0.5) : mix(MIDDLE, HOT, (h - 0.5) / 0.5);
  }

  /** Text on a fill of {@code heat}: white on the dark end of the scale. */
  public static String text(@Nullable Double heat) {
    return heat != null && heat > 0.7 ? "#ffffff" : "#1a1a1a";
  }

  /** The ring drawn around a node for the execution's state there (null: none). */
  public static @Nullable String ring(PathState state) {
    return switch (state) {
      case COMPLETED -> "#1a9850";
      case FAILED -> "#d73027";
      case CURRENT -> "#2166ac";
      case SKIPPED -> "#969696";
      case NONE, NOT_REACHED -> null;
    };
  }

  private static String mix(int[] from, int[] to, double at) {
    StringBuilder hex = new StringBuilder("#");
    for (int i = 0; i < 3; i++) {
      hex.append(String.format("%02x", (int) Math.round(from[i] + (to[i] - from[i]) * at)));
    }
    return hex.toString();
  }
}
