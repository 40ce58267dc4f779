package com.coditect.bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the terminal and for pasting into Markdown: columns padded, numbers right-aligned. */
final class TextTable {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = List.of(header);
  }

  TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(String.valueOf(cell));
    }
    rows.add(row);
    return this;
  }

  /** Markdown pipe syntax, so the README can take the output as it is. */
  String render() {
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    out.append('|');
    for (int width : widths) {
      out.append('-').append("-".repeat(width)).append("-|");
    }
    out.append('\n');
    rows.forEach(row -> line(out, row, widths));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths) {
    out.append('|');
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String padding = " ".repeat(widths[i] - cell.length());
      out.append(' ').append(isNumber(cell) ? padding + cell : cell + padding).append(" |");
    }
    out.append('\n');
  }

  private static boolean isNumber(String cell) {
    return cell.matches("-?[0-9][0-9,.]*");
  }
}
