package com.coditect.workflows.domain;

import org.jspecify.annotations.Nullable;

/**
 * One finding of {@link DefinitionValidator}: the node it concerns (null for the definition as a
 * whole, an edge between unknown nodes, or a trigger), a stable code in the manner of Step
 * Functions' validator ({@code NO_START}, {@code UNREACHABLE_NODE}...) and a message for people.
 */
public record DefinitionProblem(@Nullable String nodeId, String code, String message) {

  static DefinitionProblem of(String code, String message) {
    return new DefinitionProblem(null, code, message);
  }

  static DefinitionProblem at(String nodeId, String code, String message) {
    return new DefinitionProblem(nodeId, code, message);
  }
}
