package com.coditect.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** PM_MAX_ATTACHMENT_BYTES: a default, an override, and a fast failure on nonsense. */
class PmConfigTest {

  @Test
  void defaultsToOneHundredMebibytes() {
    assertEquals(104_857_600L, PmConfig.fromMap(Map.of()).maxAttachmentBytes());
    assertEquals(104_857_600L, PmConfig.fromMap(Map.of("PM_MAX_ATTACHMENT_BYTES", " ")).maxAttachmentBytes());
  }

  @Test
  void readsTheLimitFromTheEnvironment() {
    assertEquals(5_000_000_000L, PmConfig.fromMap(Map.of("PM_MAX_ATTACHMENT_BYTES", "5000000000")).maxAttachmentBytes());
  }

  @Test
  void systemPropertyOverridesTheEnvironment() {
    System.setProperty(AppConfig.OVERRIDE_PREFIX + "PM_MAX_ATTACHMENT_BYTES", "1234");
    try {
      assertEquals(1234L, PmConfig.fromEnvironment().maxAttachmentBytes());
    } finally {
      System.clearProperty(AppConfig.OVERRIDE_PREFIX + "PM_MAX_ATTACHMENT_BYTES");
    }
  }

  @Test
  void rejectsValuesThatAreNoPositiveByteCount() {
    for (String bad : new String[] {"0", "-1", "100MB", "1.5"}) {
      assertThrows(IllegalStateException.class, () -> PmConfig.fromMap(Map.of("PM_MAX_ATTACHMENT_BYTES", bad)), bad);
    }
  }
}
