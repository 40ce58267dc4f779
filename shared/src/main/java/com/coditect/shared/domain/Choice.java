package com.coditect.shared.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One value of a choice list of the data model (a status, a priority, a type), implemented by an
 * enum. The API and the table both spell it in lower snake case ({@code in_progress}), the enum
 * constant's name lowered; nothing else ever spells it.
 */
public interface Choice {

  /** The enum constant's name; every enum has it. */
  String name();

  /** How the API and the table spell this value. */
  default String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value {@code type} spells {@code apiName}, if any. */
  static <E extends Enum<E> & Choice> Optional<E> fromApiName(Class<E> type, String apiName) {
    if (apiName == null) {
      return Optional.empty();
    }
    for (E value : type.getEnumConstants()) {
      if (value.apiName().equals(apiName)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Every spelling of {@code type}, in declaration order (the order error messages list them in). */
  static <E extends Enum<E> & Choice> List<String> apiNames(Class<E> type) {
    return Arrays.stream(type.getEnumConstants()).map(Choice::apiName).toList();
  }
}
