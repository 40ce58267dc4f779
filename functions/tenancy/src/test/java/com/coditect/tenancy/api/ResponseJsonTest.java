package com.coditect.tenancy.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.shared.events.DomainEvent;
import com.coditect.shared.store.ResultPage;
import com.coditect.testing.JsonParity;
import org.junit.jupiter.api.Test;

/** Every response record of this function is written as the platform's Jackson mapper wrote it. */
class ResponseJsonTest {

  @Test
  void responsesAreWrittenAsTheMapperWroteThem() {
    int checked = JsonParity.assertPackageWritesLikeDatabind(TenantResponse.class, "com.coditect.tenancy.api");
    assertTrue(checked >= 3, "records checked: " + checked);
  }

  /** The shared records every function writes: list pages, and domain events as the outbox stores them. */
  @Test
  void pagesAndEventsAreWrittenAsTheMapperWroteThem() {
    JsonParity.assertWritesLikeDatabind(ResultPage.class);
    JsonParity.assertWritesLikeDatabind(DomainEvent.class);
  }
}
