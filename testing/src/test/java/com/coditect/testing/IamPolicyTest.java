package com.coditect.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.IamPolicy.Decision;
import com.coditect.testing.IamPolicy.Request;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-support IAM evaluator: IAM's decisions for the subset the template uses, and loud refusals beyond it. */
class IamPolicyTest {

  private static final String TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/coditect";
  private static final String BUCKET = "arn:aws:s3:::docs";

  /** A template with the shapes template.yaml uses; each function is one case. */
  private static final TemplateIam IAM = new TemplateIam(CloudTemplate.parse("""
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            TableName: coditect
        Bucket:
          Type: AWS::S3::Bucket
          Properties:
            BucketName: docs
        Queue:
          Type: AWS::SQS::Queue
        Bus:
          Type: AWS::Events::EventBus
          Properties:
            Name: coditect
        Writer:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Sid: Items
                    Effect: Allow
                    Action:
                      - dynamodb:Get*
                      - dynamodb:PutItem
                      - dynamodb:DeleteItem
                    Resource:
                      - !GetAtt Table.Arn
                      - !Sub "${Table.Arn}/index/*"
                  - Sid: NeverTheSecrets
                    Effect: Deny
                    Action: dynamodb:*
                    Resource: !GetAtt Table.Arn
                    Condition:
                      ForAnyValue:StringLike:
                        dynamodb:LeadingKeys:
                          - "T#*#SECRET"
                          - "T#*#SECRET#*"
        Restricted:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: dynamodb:PutItem
                    Resource: !Sub "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${Table}"
                    Condition:
                      ForAllValues:StringLike:
                        dynamodb:LeadingKeys: ["T#*#OUTBOX#*"]
                  - Effect: Allow
                    Action: dynamodb:GetItem
                    Resource:
                      Fn::GetAtt: [Table, Arn]
                    Condition:
                      StringEquals:
                        dynamodb:LeadingKeys: "T#one#PROFILE"
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: !Sub "${Bucket.Arn}/tenants/*"
                  - Effect: Allow
                    Action: [sqs:SendMessage, events:PutEvents]
                    Resource: [!GetAtt Queue.Arn, !GetAtt Bus.Arn]
        Anything:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Effect: Allow
                    Action: "*"
                    Resource: "*"
                  - Effect: Deny
                    Action: dynamodb:DeleteItem
                    Resource: !GetAtt Table.Arn
                    Condition:
                      ForAnyValue:StringEquals:
                        dynamodb:LeadingKeys: ["T#one#PROFILE"]
        NoPolicies:
          Type: AWS::Serverless::Function
          Properties: {}
        SourceIp:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Effect: Allow
                    Action: dynamodb:GetItem
                    Resource: !GetAtt Table.Arn
                    Condition:
                      IpAddress:
                        aws:SourceIp: 203.0.113.0/24
                  - Effect: Allow
                    Action: dynamodb:Query
                    Resource: !GetAtt Table.Arn
                    Condition:
                      StringLikeIfExists:
                        dynamodb:LeadingKeys: ["T#*"]
                  - Effect: Allow
                    Action: dynamodb:Scan
                    Resource: !GetAtt Table.Arn
                    Condition:
                      ForAllValues:StringLike:
                        dynamodb:Attributes: ["PK"]
        NotAction:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Effect: Allow
                    NotAction: dynamodb:DeleteItem
                    Resource: "*"
        Managed:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - AWSLambdaBasicExecutionRole
        PolicyTemplate:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - DynamoDBCrudPolicy:
                  TableName: !Ref Table
      """));

  @Test
  void listsEveryServerlessFunctionInTemplateOrder() {
    assertEquals(List.of("Writer", "Restricted", "Anything", "NoPolicies", "SourceIp", "NotAction", "Managed",
        "PolicyTemplate"), IAM.functions());
  }

  @Test
  void resolvesGetAttRefAndSubToConcreteArns() {
    assertEquals(TABLE, IAM.arn("Table"));
    assertEquals(BUCKET, IAM.arn("Bucket"));
    assertEquals("arn:aws:events:us-east-1:123456789012:event-bus/coditect", IAM.arn("Bus"));
    assertEquals("arn:aws:sqs:us-east-1:123456789012:stack-Queue-GENERATED", IAM.arn("Queue"));
    IamPolicy restricted = IAM.policyOf("Restricted");
    assertEquals(List.of(TABLE), restricted.statements().get(0).resources());
    assertEquals(List.of(TABLE), restricted.statements().get(1).resources());
    assertEquals(List.of(BUCKET + "/tenants/*"), restricted.statements().get(2).resources());
    assertEquals(List.of(TABLE, TABLE + "/index/*"), IAM.policyOf("Writer").statements().get(0).resources());
    assertThrows(UnsupportedOperationException.class, () -> IAM.resolve(Map.of("Fn::GetAtt", "Table.StreamArn")));
    assertThrows(IllegalArgumentException.class, () -> IAM.resolve(Map.of("Fn::GetAtt", "Nothing.Arn")));
  }

  @Test
  void anAllowedActionOnAMatchingResourceIsAllowedAndAnythingElseImplicitlyDenied() {
    IamPolicy writer = IAM.policyOf("Writer");
    assertEquals(Decision.ALLOW, writer.evaluate(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#TASK#1")));
    assertEquals(Decision.ALLOW, writer.evaluate(Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one#TASK#1")));
    assertEquals(Decision.ALLOW, writer.evaluate(Request.dynamoDb("DynamoDB:getitem", TABLE, "T#one#TASK#1")),
        "actions are compared without case");
    assertEquals(Decision.ALLOW, writer.evaluate(new Request("dynamodb:GetItem", TABLE + "/index/GSI1", Map.of())));
    assertEquals(Decision.IMPLICIT_DENY, writer.evaluate(Request.dynamoDb("dynamodb:UpdateItem", TABLE, "T#one#TASK#1")));
    assertEquals(Decision.IMPLICIT_DENY, IAM.policyOf("Restricted")
        .evaluate(Request.dynamoDb("dynamodb:PutItem", TABLE + "/index/GSI1", "T#one#OUTBOX#1")),
        "a resource the statement does not name");
    assertEquals(Decision.IMPLICIT_DENY, writer.evaluate(
        Request.dynamoDb("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:123456789012:table/other", "T#one")));
    assertEquals(Decision.IMPLICIT_DENY, IAM.policyOf("NoPolicies").evaluate(
        Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one")));
  }

  @Test
  void anExplicitDenyWinsOverEveryAllow() {
    IamPolicy writer = IAM.policyOf("Writer");
    assertEquals(Decision.EXPLICIT_DENY, writer.evaluate(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#SECRET")));
    assertEquals(Decision.EXPLICIT_DENY,
        writer.evaluate(Request.dynamoDb("dynamodb:DeleteItem", TABLE, "T#one#SECRET#7")));
    assertEquals(Decision.EXPLICIT_DENY, writer.evaluate(Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one#SECRET")));
    assertEquals(Decision.ALLOW, writer.evaluate(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#SECRETS")),
        "a key the patterns do not match stays allowed");

    IamPolicy anything = IAM.policyOf("Anything");
    assertTrue(anything.allows(new Request("s3:PutObject", BUCKET + "/any/key", Map.of())));
    assertEquals(Decision.EXPLICIT_DENY, anything.evaluate(Request.dynamoDb("dynamodb:DeleteItem", TABLE, "T#one#PROFILE")));
    assertTrue(anything.allows(Request.dynamoDb("dynamodb:DeleteItem", TABLE, "T#two#PROFILE")));
  }

  @Test
  void leadingKeyConditionsFollowIamsOperatorsAndSetQualifiers() {
    IamPolicy restricted = IAM.policyOf("Restricted");
    assertTrue(restricted.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#OUTBOX#e1")));
    assertFalse(restricted.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#USER#u1")));
    assertTrue(restricted.allows(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one#AUDIT#OUTBOX#x")),
        "a * of StringLike also matches '#': only a Deny keeps such a key out");
    // ForAllValues: every leading key must match; a request with none satisfies it vacuously.
    assertFalse(restricted.allows(new Request("dynamodb:PutItem", TABLE,
        Map.of(IamPolicy.LEADING_KEYS, List.of("T#one#OUTBOX#e1", "T#one#USER#u1")))));
    assertTrue(restricted.allows(new Request("dynamodb:PutItem", TABLE, Map.of())));
    // Plain StringEquals: the one value, exactly.
    assertTrue(restricted.allows(Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one#PROFILE")));
    assertFalse(restricted.allows(Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one#PROFILES")));
    assertFalse(restricted.allows(new Request("dynamodb:GetItem", TABLE, Map.of())), "absent key: no match");
    // ForAnyValue: one matching key is enough; a request with none does not match.
    IamPolicy writer = IAM.policyOf("Writer");
    assertEquals(Decision.EXPLICIT_DENY, writer.evaluate(new Request("dynamodb:PutItem", TABLE,
        Map.of(IamPolicy.LEADING_KEYS, List.of("T#one#TASK#1", "T#one#SECRET")))));
    assertEquals(Decision.ALLOW, writer.evaluate(new Request("dynamodb:PutItem", TABLE, Map.of())));

    assertTrue(restricted.allows(new Request("s3:GetObject", BUCKET + "/tenants/one/a.pdf", Map.of())));
    assertFalse(restricted.allows(new Request("s3:GetObject", BUCKET + "/other/a.pdf", Map.of())));
    assertTrue(restricted.allows(new Request("events:PutEvents", IAM.arn("Bus"), Map.of())));
    assertFalse(restricted.allows(new Request("sqs:SendMessage", IAM.arn("Queue") + "-other", Map.of())));
    assertFalse(restricted.allows(new Request("sqs:DeleteMessage", IAM.arn("Queue"), Map.of())));
  }

  @Test
  void resourceWildcardsStayWithinTheirArnSegment() {
    assertTrue(IamPolicy.resourceMatches("arn:aws:s3:::docs/*", "arn:aws:s3:::docs/tenants/a/b.pdf"));
    assertTrue(IamPolicy.resourceMatches("arn:aws:dynamodb:*:*:table/coditect", TABLE));
    assertFalse(IamPolicy.resourceMatches("arn:aws:dynamodb:*:table/coditect:*:*",
        "arn:aws:dynamodb:us-east-1:123456789012:table/coditect"), "a * does not swallow the account's colon");
    assertTrue(IamPolicy.resourceMatches("*", TABLE));
    assertTrue(IamPolicy.resourceMatches("arn:aws:sqs:us-east-?:123456789012:q", "arn:aws:sqs:us-east-1:123456789012:q"));
    assertFalse(IamPolicy.resourceMatches("arn:aws:s3:::docs", "arn:aws:s3:::docs/a"));
    assertThrows(UnsupportedOperationException.class, () -> IamPolicy.resourceMatches("arn:aws:s3", TABLE));
  }

  @Test
  void whatItCannotEvaluateFailsLoudlyInsteadOfGuessing() {
    IamPolicy sourceIp = IAM.policyOf("SourceIp");
    assertThrows(UnsupportedOperationException.class,
        () -> sourceIp.evaluate(Request.dynamoDb("dynamodb:GetItem", TABLE, "T#one")), "another operator and key");
    assertThrows(UnsupportedOperationException.class,
        () -> sourceIp.evaluate(Request.dynamoDb("dynamodb:Query", TABLE, "T#one")), "an IfExists operator");
    assertThrows(UnsupportedOperationException.class,
        () -> sourceIp.evaluate(Request.dynamoDb("dynamodb:Scan", TABLE, "T#one")), "another condition key");
    assertEquals(Decision.IMPLICIT_DENY, sourceIp.evaluate(Request.dynamoDb("dynamodb:PutItem", TABLE, "T#one")),
        "statements a request does not reach are not judged");
    assertThrows(UnsupportedOperationException.class, () -> IAM.policyOf("NotAction"));
    assertThrows(UnsupportedOperationException.class, () -> IAM.policyOf("Managed"));
    assertThrows(UnsupportedOperationException.class, () -> IAM.policyOf("PolicyTemplate"));
  }
}
