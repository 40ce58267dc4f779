package com.coditect.dms.api;

import com.coditect.shared.error.FieldError;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code POST .../versions/{version_number}/complete}: {@code {}} after a single PUT, or the parts
 * of a multipart upload as S3 answered them ({@code part_number}, {@code etag}, and the part's
 * {@code checksum_sha256} in base64 as the client sent it).
 */
public record CompleteVersionRequest(List<Part> parts) {

  /** One uploaded part. */
  public record Part(int partNumber, String etag, String checksumSha256) {}

  static final Pattern BASE64_SHA256 = Pattern.compile("^[A-Za-z0-9+/]{43}=$");

  public static CompleteVersionRequest from(JsonNode body) {
    JsonFields fields = JsonFields.of(body == null || body.isMissingNode() || body.isNull()
        ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode() : body);
    ArrayNode array = fields.optionalArray("parts");
    List<Part> parts = new ArrayList<>();
    List<FieldError> outOfOrder = new ArrayList<>();
    if (array != null) {
      if (array.isEmpty() || array.size() > 10_000) {
        fields.error("parts", "must hold from 1 to 10000 parts");
      }
      for (int i = 0; i < array.size(); i++) {
        JsonFields part = fields.arrayObject("parts", i, array.get(i));
        if (part == null) {
          continue;
        }
        Integer number = part.optionalInteger("part_number", 1, 10_000);
        if (number == null) {
          part.error("part_number", "is required");
        } else if (number != i + 1) {
          outOfOrder.add(new FieldError("parts[" + i + "].part_number", "parts must be listed in order, numbered from 1"));
        }
        String etag = part.requiredString("etag", 200);
        String checksum = part.matching("checksum_sha256", part.optionalString("checksum_sha256", 44), BASE64_SHA256,
            "must be the part's SHA-256 in base64, as sent in x-amz-checksum-sha256");
        part.finish();
        parts.add(new Part(number == null ? 0 : number, etag, checksum));
      }
    }
    fields.finish();
    // Each part well-formed, but not the parts in order: 422, as the schema cannot say it.
    if (!outOfOrder.isEmpty()) {
      throw new UnprocessableException("The parts must be listed in order, numbered from 1.", outOfOrder);
    }
    return new CompleteVersionRequest(array == null ? null : List.copyOf(parts));
  }
}
