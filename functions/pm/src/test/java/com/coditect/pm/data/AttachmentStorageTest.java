package com.coditect.pm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.coditect.shared.tenancy.TenantId;
import org.junit.jupiter.api.Test;

/** The pure parts of attachment storage: keys, checksum encoding, download names. */
class AttachmentStorageTest {

  @Test
  void objectKeyNamesTenantTaskAndAttachment() {
    TenantId tenant = new TenantId("0190a5a6-1111-7000-8000-000000000001");
    assertEquals("tenants/0190a5a6-1111-7000-8000-000000000001/pm/task-1/att-1",
        AttachmentStorage.objectKey(tenant, "task-1", "att-1"));
  }

  @Test
  void checksumHeaderIsBase64OfTheDigestBytes() {
    // SHA-256 of "hello world".
    assertEquals("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=",
        AttachmentStorage.base64Sha256("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"));
  }

  @Test
  void contentDispositionHasAsciiFallbackAndExactUtf8Name() {
    assertEquals("attachment; filename=\"plan.pdf\"; filename*=UTF-8''plan.pdf",
        AttachmentStorage.contentDisposition("plan.pdf"));
    assertEquals("attachment; filename=\"r_sum_ _v2_.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22v2%22.txt",
        AttachmentStorage.contentDisposition("r\u00e9sum\u00e9 \"v2\".txt"));
    // Inside the quoted fallback ; and * are harmless; in the RFC 8187 value they are not attr-chars.
    assertEquals("attachment; filename=\"a;b*c\"; filename*=UTF-8''a%3Bb%2Ac",
        AttachmentStorage.contentDisposition("a;b*c"));
  }
}
