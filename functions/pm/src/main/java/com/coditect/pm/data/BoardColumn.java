package com.coditect.pm.data;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One column of a board as stored and as the API shows it: the task statuses it collects and its
 * place from left to right. The JSON name of {@code statusMapping} is fixed here so that the stored
 * document and the API agree whatever mapper writes them.
 */
public record BoardColumn(
    String id, String name, @JsonProperty("status_mapping") List<String> statusMapping, int position) {

  public BoardColumn {
    statusMapping = List.copyOf(statusMapping);
  }
}
