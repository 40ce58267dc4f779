package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.CloudTemplate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateParametersTest {

  private static final String TEMPLATE = """
      Parameters:
        VerificationEmailFrom:
          Type: String
          Default: no-reply@coditect.example
        AllowedOrigins:
          Type: CommaDelimitedList
      Globals:
        Function:
          Environment:
            Variables:
              TABLE_NAME: !Ref CoditectTable
      Resources:
        CoditectTable:
          Type: AWS::DynamoDB::Table
        ContactsFunction:
          Type: AWS::Serverless::Function
          Properties:
            Environment:
              Variables:
                VERIFICATION_EMAIL_FROM: !Ref VerificationEmailFrom
                PLAIN: "text"
                ARN: !GetAtt CoditectTable.Arn
        OtherFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.example.Other
      """;

  @Test
  void givesFunctionsEnvironmentVariablesThatAreAParameterItsDefault() {
    TemplateParameters parameters = new TemplateParameters(CloudTemplate.parse(TEMPLATE));

    assertEquals(Map.of("VERIFICATION_EMAIL_FROM", "no-reply@coditect.example"), parameters.functionEnvironment());
  }

  @Test
  void resolvesTextAndRefsOfParametersWithADefaultOnly() {
    TemplateParameters parameters = new TemplateParameters(CloudTemplate.parse(TEMPLATE));

    assertEquals(Optional.of("a@b.c"), parameters.resolve("a@b.c"));
    assertEquals(Optional.of("no-reply@coditect.example"), parameters.resolve(Map.of("Ref", "VerificationEmailFrom")));
    assertTrue(parameters.resolve(Map.of("Ref", "AllowedOrigins")).isEmpty());
    assertTrue(parameters.resolve(Map.of("Ref", "CoditectTable")).isEmpty());
  }

  @Test
  void refusesAFunctionEnvironmentVariableOfAParameterWithoutDefault() {
    String template = TEMPLATE.replace("!Ref VerificationEmailFrom", "!Ref AllowedOrigins");

    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> new TemplateParameters(CloudTemplate.parse(template)).functionEnvironment());
    assertTrue(refused.getMessage().contains("ContactsFunction sets VERIFICATION_EMAIL_FROM to parameter AllowedOrigins"),
        refused.getMessage());
  }
}
