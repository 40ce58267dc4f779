package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.coditect.shared.config.AppConfig;
import com.coditect.shared.config.Secrets;
import com.coditect.shared.store.CursorCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/** Keys come from Secrets Manager, once per execution environment, never from the environment. */
class SecretsIT {

  @Test
  void aKeyIsReadOnceOnFirstUseAndKept() {
    List<String> calls = new ArrayList<>();
    Secrets secrets = new Secrets(() -> client(calls));
    String arn = AwsTestEnvironment.cursorKeySecret();
    assertEquals(List.of(), calls, "nothing is read before the key is needed");

    assertEquals(AwsTestEnvironment.CURSOR_SIGNING_KEY, secrets.value(arn));
    assertEquals(AwsTestEnvironment.CURSOR_SIGNING_KEY, secrets.value(arn));
    assertEquals(List.of("GetSecretValue"), calls);
  }

  @Test
  void cursorsAreSignedWithTheSecretsKey() {
    AppConfig config = new AppConfig(AwsTestEnvironment.REGION, "unused", "unused", "unused",
        AwsTestEnvironment.cursorKeySecret(), Optional.of(MotoServer.endpoint()));
    CursorCodec fromSecret = new CursorCodec(new Secrets(() -> client(new ArrayList<>())), config);
    CursorCodec fromKey = new CursorCodec(() -> AwsTestEnvironment.CURSOR_SIGNING_KEY);
    Map<String, AttributeValue> last = Map.of("PK", AttributeValue.fromS("T#a#X#1"), "SK", AttributeValue.fromS("X"));

    assertEquals(fromKey.encode("scope", last), fromSecret.encode("scope", last));
  }

  @Test
  void aMissingSecretFailsTheRequestThatNeedsIt() {
    Secrets secrets = new Secrets(() -> client(new ArrayList<>()));
    assertThrows(ResourceNotFoundException.class, () -> secrets.value("no-such-secret"));
  }

  private static SecretsManagerClient client(List<String> calls) {
    return SecretsManagerClient.builder().region(Region.US_EAST_1)
        .endpointOverride(MotoServer.endpoint())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
          }
        }))
        .build();
  }
}
