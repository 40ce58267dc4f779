package com.coditect.audit.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.JsonParity;
import org.junit.jupiter.api.Test;

/** Every response record of this function is written as the platform's Jackson mapper wrote it. */
class ResponseJsonTest {

  @Test
  void responsesAreWrittenAsTheMapperWroteThem() {
    int checked = JsonParity.assertPackageWritesLikeDatabind(AuditEntryResponse.class, "com.coditect.audit.api");
    assertTrue(checked >= 3, "records checked: " + checked);
  }
}
