package com.coditect.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Fails every AWS request of this JVM that was not signed with credentials from the
 * {@link ContainerCredentialsEndpoint}: a client or signer built with a fixed provider
 * ({@code StaticCredentialsProvider}, {@code EnvironmentVariableCredentialsProvider}) works on moto,
 * which checks no signature, and breaks on a SnapStart Lambda, which has no access-key variables.
 *
 * <p>The SDK adds it to every client it builds, because it is listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} of this (test support)
 * jar; deployed jars never contain it. It throws an {@link AssertionError}, which no
 * {@code catch (SdkException)} or {@code catch (RuntimeException)} of the code under test can hide.
 */
public final class ContainerCredentialsCheck implements ExecutionInterceptor {

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    String authorization = context.httpRequest().firstMatchingHeader("Authorization").orElse(null);
    if (authorization == null) {
      return; // an unsigned operation (none of ours): nothing was signed with anything
    }
    Matcher credential = CREDENTIAL.matcher(authorization);
    String keyId = credential.find() ? credential.group(1) : "(none)";
    ContainerCredentialsEndpoint endpoint = ContainerCredentialsEndpoint.installedOrNull();
    if (endpoint == null) {
      throw new AssertionError("an AWS request was signed before this JVM's container-credentials endpoint "
          + "was installed (ContainerCredentialsEndpoint.installForThisJvm): its credentials came from elsewhere");
    }
    if (!endpoint.issued(keyId)) {
      throw new AssertionError("an AWS request was signed with access key " + keyId + ", which the "
          + "container-credentials endpoint never issued: some client or signer was built with a fixed "
          + "credentials provider, which breaks under SnapStart (use the SDK's default chain)");
    }
  }
}
