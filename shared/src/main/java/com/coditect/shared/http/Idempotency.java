package com.coditect.shared.http;

import com.coditect.shared.digest.Sha256;
import com.coditect.shared.error.BadRequestException;
import com.coditect.shared.error.UnprocessableException;
import com.coditect.shared.json.Json;
import com.coditect.shared.store.IdempotencyItem;
import com.coditect.shared.store.IdempotencyRecordRepository;
import com.coditect.shared.store.Timestamps;
import com.coditect.shared.tenancy.Caller;
import com.coditect.shared.tenancy.Principal;
import dagger.Lazy;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/**
 * {@code Idempotency-Key} for creating POSTs: the same key with the same body replays the first
 * response; the same key with another body is a 422. Costs one {@code GetItem} when a key is sent,
 * or none for a create that reads the record with its own reads ({@link #createReadingRecord});
 * the record itself rides in the create's transaction (see {@link IdempotencyClaim}).
 */
@Singleton
public final class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  static final long TTL_SECONDS = 24 * 60 * 60;
  private static final int MAX_KEY_LENGTH = 255;
  /** 1 to 255 visible ASCII characters (a UUID, say): the OpenAPI document's IdempotencyKey pattern. */
  private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{1," + MAX_KEY_LENGTH + "}$");

  /**
   * Lazy: route groups hold this from the function's init, and only a request with a key needs the
   * records (and their item schema).
   */
  private final Lazy<IdempotencyRecordRepository> records;
  private final Clock clock;

  @Inject
  public Idempotency(Lazy<IdempotencyRecordRepository> records, Clock clock) {
    this.records = records;
    this.clock = clock;
  }

  /** Runs a create once per key; {@code create} must attach the claim to its transaction. */
  public ApiResponse create(ApiRequest request, Caller caller, Function<IdempotencyClaim, Created<?>> create) {
    Lookup lookup = lookup(request, caller);
    if (lookup.recordKey().isEmpty()) {
      return create.apply(IdempotencyClaim.none()).toResponse();
    }
    IdempotencyItem previous = records.get().find(lookup.recordKey().get());
    Optional<ApiResponse> replay = lookup.replay(previous);
    if (replay.isPresent()) {
      return replay.get();
    }
    return create.apply(lookup.claim()).toResponse();
  }

  /**
   * As {@link #create}, for a create that reads before it writes: it reads the record named by
   * {@link Lookup#recordKey()} in its own BatchGetItem and passes it to {@link Lookup#claim(IdempotencyItem)},
   * which replays the first response instead of creating again. Saves the record's GetItem.
   */
  public ApiResponse createReadingRecord(ApiRequest request, Caller caller, Function<Lookup, Created<?>> create) {
    Lookup lookup = lookup(request, caller);
    try {
      return create.apply(lookup).toResponse();
    } catch (Replay replay) {
      return replay.response;
    }
  }

  private Lookup lookup(ApiRequest request, Caller caller) {
    Optional<String> key = request.header(HEADER);
    if (key.isEmpty()) {
      return new Lookup(null, null);
    }
    if (!KEY.matcher(key.get()).matches()) {
      throw BadRequestException.forField(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
    }
    Key recordKey = recordKey(caller.principal(), key.get());
    String requestHash = Sha256.hex(request.routeKey() + "\n" + request.path() + "\n" + request.bodyText());
    return new Lookup(recordKey, requestHash);
  }

  /** One request's {@code Idempotency-Key}: where its record would be, and what it must match. */
  public final class Lookup {
    private final Key recordKey;
    private final String requestHash;

    private Lookup(Key recordKey, String requestHash) {
      this.recordKey = recordKey;
      this.requestHash = requestHash;
    }

    /** The record's key; empty when the request has no {@code Idempotency-Key}. */
    public Optional<Key> recordKey() {
      return Optional.ofNullable(recordKey);
    }

    /**
     * The claim for a create, given the record as read ({@code null}: none): a record of the same
     * request ends the create with its first response; of another request, a 422.
     */
    public IdempotencyClaim claim(IdempotencyItem record) {
      if (recordKey == null) {
        return IdempotencyClaim.none();
      }
      Optional<ApiResponse> replay = replay(record);
      if (replay.isPresent()) {
        throw new Replay(replay.get());
      }
      return claim();
    }

    private Optional<ApiResponse> replay(IdempotencyItem previous) {
      long now = clock.instant().getEpochSecond();
      if (previous == null || previous.isExpired(now)) {
        return Optional.empty();
      }
      if (!previous.requestHash().equals(requestHash)) {
        throw UnprocessableException.forField(HEADER,
            "was already used with a different request; use a new key for a new request");
      }
      return Optional.of(Idempotency.this.replay(previous));
    }

    private IdempotencyClaim claim() {
      String createdAt = Timestamps.now(clock);
      long now = clock.instant().getEpochSecond();
      return new IdempotencyClaim(records.get(), recordKey, requestHash, createdAt, now, now + TTL_SECONDS);
    }
  }

  /** Ends a create whose request was already answered: carries the first response. */
  private static final class Replay extends RuntimeException {
    private final ApiResponse response;

    Replay(ApiResponse response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private ApiResponse replay(IdempotencyItem previous) {
    Object body = Json.readTree(previous.body());
    return ApiResponse.json(previous.statusCode(), body)
        .withHeader("Location", previous.location())
        .withHeader("ETag", previous.etag())
        .withHeader("Idempotent-Replayed", "true");
  }

  // Keys are scoped to the caller: another user's key never replays someone else's response.
  private static Key recordKey(Principal principal, String key) {
    return IdempotencyRecordRepository.key(principal.tenant(), Sha256.hex(principal.userId() + "\n" + key));
  }

}
