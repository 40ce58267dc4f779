package com.coditect.pm.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.JsonParity;
import org.junit.jupiter.api.Test;

/** Every response record of this function is written as the platform's Jackson mapper wrote it. */
class ResponseJsonTest {

  @Test
  void responsesAreWrittenAsTheMapperWroteThem() {
    int checked = JsonParity.assertPackageWritesLikeDatabind(TaskResponse.class, "com.coditect.pm.api");
    assertTrue(checked >= 3, "records checked: " + checked);
  }
}
