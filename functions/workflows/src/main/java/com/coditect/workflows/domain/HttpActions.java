package com.coditect.workflows.domain;

import com.coditect.shared.json.JsonText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * The {@code http.post} action: one outbound HTTPS POST of a JSON body. The host is resolved once,
 * every address checked by {@link AddressGuard}, and the connection made to exactly those addresses
 * (the client's resolver is the check, so no second lookup can swap in another address); TLS still
 * verifies the certificate against the host name. Redirects are not followed (a redirect could
 * lead anywhere). The answer's status and body (JSON if it is JSON) are the step's output.
 */
public final class HttpActions {

  /** What an answer's body keeps at most. */
  static final int MAX_BODY_CHARS = 16 * 1024;

  private final AddressGuard guard;
  private final CloseableHttpClient client;

  public HttpActions(AddressGuard guard) {
    this.guard = guard;
    DnsResolver checked = new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) throws UnknownHostException {
        return vetted(host);
      }

      @Override
      public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
      }
    };
    this.client = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                .setSocketTimeout(Timeout.ofSeconds(10)).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .useSystemProperties()
        .build();
  }

  /** The outcome of one call: ok (2xx), the output, or the error that fails the attempt. */
  public record Result(boolean ok, JsonNode output, String error) {}

  /** POSTs {@code params.body} (JSON, default {}) to {@code params.url} with {@code params.headers}. */
  public Result post(JsonNode params) {
    URI uri;
    try {
      uri = URI.create(params.path("url").asText(""));
    } catch (IllegalArgumentException e) {
      return failed("The url is not a valid URI.");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && guard.allowLoopback()))) {
      return failed("The url must be an https URL with a host.");
    }
    try {
      vetted(uri.getHost());
    } catch (UnknownHostException e) {
      return failed(e.getMessage());
    }
    HttpPost post = new HttpPost(uri);
    JsonNode body = params.path("body").isMissingNode() ? JsonNodeFactory.instance.objectNode() : params.path("body");
    post.setEntity(new StringEntity(JsonText.write(body), ContentType.APPLICATION_JSON));
    params.path("headers").fields().forEachRemaining(header -> post.setHeader(header.getKey(), header.getValue().asText()));
    try {
      return client.execute(post, response -> {
        String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        ObjectNode output = JsonNodeFactory.instance.objectNode().put("status", response.getCode());
        output.set("body", bodyOf(text));
        boolean ok = response.getCode() >= 200 && response.getCode() < 300;
        return new Result(ok, output, ok ? null : "The server answered HTTP " + response.getCode() + ".");
      });
    } catch (UnknownHostException e) {
      return failed(e.getMessage());
    } catch (IOException e) {
      return failed("The call failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
  }

  private InetAddress[] vetted(String host) throws UnknownHostException {
    InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
    List<InetAddress> allowed = new ArrayList<>();
    for (InetAddress address : addresses) {
      String refusal = guard.refusal(address);
      if (refusal != null) {
        // One refused address refuses the host: DNS could hand out the other one next time.
        throw new UnknownHostException("The host " + host + " resolves to a " + refusal + " address, which actions may not call.");
      }
      allowed.add(address);
    }
    return allowed.toArray(InetAddress[]::new);
  }

  private static JsonNode bodyOf(String text) {
    String kept = text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) : text;
    if (kept.isEmpty()) {
      return NullNode.instance;
    }
    try {
      return JsonText.parse(kept);
    } catch (JsonProcessingException notJson) {
      return JsonNodeFactory.instance.textNode(kept);
    }
  }

  private static Result failed(String error) {
    return new Result(false, NullNode.instance, error);
  }
}
