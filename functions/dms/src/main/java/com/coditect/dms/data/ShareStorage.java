package com.coditect.dms.data;

import com.coditect.shared.files.DocumentsBucket;
import com.coditect.shared.files.PresignedRequest;
import com.coditect.shared.tenancy.TenantId;
import java.time.Duration;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/** Short-lived download URLs for what a share link hands out, computed locally (no call). */
@Singleton
public final class ShareStorage {

  /** Long enough to start a download, short enough that a copied URL soon stops working. */
  public static final Duration DOWNLOAD_URL_LIFETIME = Duration.ofMinutes(5);

  private final DocumentsBucket bucket;

  @Inject
  public ShareStorage(DocumentsBucket bucket) {
    this.bucket = bucket;
  }

  /**
   * A GET of a file that makes browsers save it as {@code fileName}: the object at its
   * {@code filePath}, or (when none is recorded) the tenant's content object of its SHA-256.
   */
  public PresignedRequest presignDownload(TenantId tenant, @Nullable String filePath, String sha256Hex,
      String fileName) {
    String key = filePath != null ? filePath : DmsKeys.contentObject(tenant, sha256Hex);
    return bucket.presignGet(key, DOWNLOAD_URL_LIFETIME, contentDisposition(fileName));
  }

  /**
   * {@code attachment} with an ASCII fallback name (RFC 6266) and the exact name percent-encoded in
   * UTF-8 (RFC 8187, with the SDK's RFC 3986 encoder, whose unreserved set is within attr-char).
   */
  static String contentDisposition(String fileName) {
    StringBuilder fallback = new StringBuilder();
    fileName.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + SdkHttpUtils.urlEncode(fileName);
  }
}
