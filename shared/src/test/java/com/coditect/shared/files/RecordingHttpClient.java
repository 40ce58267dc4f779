package com.coditect.shared.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/** An HTTP client that sends nothing: it keeps each request with its body and gives the queued answers, in turn. */
final class RecordingHttpClient implements SdkHttpClient {

  /** A request as it would have gone on the wire. */
  record Sent(SdkHttpRequest request, byte[] body) {}

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final List<Sent> sent = new ArrayList<>();
  private final Deque<Answer> answers = new ArrayDeque<>();
  private final Answer otherwise;

  /** Answers {@code status} with {@code headers} and no body once the queued answers are used up. */
  RecordingHttpClient(int status, Map<String, String> headers) {
    this.otherwise = new Answer(status, headers, null);
  }

  /** Queues one answer. */
  RecordingHttpClient then(int status, Map<String, String> headers, String body) {
    answers.add(new Answer(status, headers, body));
    return this;
  }

  List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** The one request sent. */
  Sent only() {
    if (sent.size() != 1) {
      throw new AssertionError("expected one request, got " + sent.size());
    }
    return sent.get(0);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        byte[] body = request.contentStreamProvider().map(provider -> {
          try {
            return provider.newStream().readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }).orElse(null);
        sent.add(new Sent(request.httpRequest(), body));
        Answer answer = answers.isEmpty() ? otherwise : answers.poll();
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status());
        answer.headers().forEach(response::putHeader);
        HttpExecuteResponse.Builder execute = HttpExecuteResponse.builder().response(response.build());
        if (answer.body() != null) {
          execute.responseBody(AbortableInputStream.create(
              new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8))));
        }
        return execute.build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {}
}
