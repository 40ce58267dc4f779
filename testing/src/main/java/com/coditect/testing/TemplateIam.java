package com.coditect.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM side of a template: its functions' roles as {@link IamPolicy}s, with every ARN the
 * policies name resolved for a fixed account and region, as CloudFormation would resolve them.
 *
 * <p>Resolved: {@code !GetAtt X.Arn} of the resource types below, {@code !Ref X} of a table, bucket
 * or queue (its name), and {@code !Sub} over those and the pseudo parameters. A function's
 * {@code Policies} must be inline policy documents ({@code - Statement: [...]}); a managed policy
 * or SAM policy template would grant what this class cannot see, so it throws instead.
 */
public final class TemplateIam {

  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "us-east-1";
  private static final String PARTITION = "aws";
  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

  private final CloudTemplate template;

  public TemplateIam(CloudTemplate template) {
    this.template = template;
  }

  /** The logical ids of every {@code AWS::Serverless::Function}, in template order. */
  public List<String> functions() {
    List<String> functions = new ArrayList<>();
    resources().forEach((logicalId, resource) -> {
      if (resource instanceof Map<?, ?> map && SERVERLESS_FUNCTION.equals(map.get("Type"))) {
        functions.add(String.valueOf(logicalId));
      }
    });
    return functions;
  }

  /** The role SAM makes for a function: the statements of its {@code Policies}. */
  public IamPolicy policyOf(String function) {
    Object policies = template.resourceProperties(function).get("Policies");
    List<IamPolicy.Statement> statements = new ArrayList<>();
    if (policies == null) {
      return new IamPolicy(function, statements);
    }
    for (Object policy : policies instanceof List<?> list ? list : List.of(policies)) {
      if (!(policy instanceof Map<?, ?> document) || !(document.get("Statement") instanceof List<?> list)
          || !document.keySet().stream().allMatch(key -> key.equals("Statement") || key.equals("Version"))) {
        throw new UnsupportedOperationException(function + ": only inline policy documents are evaluated, not "
            + policy);
      }
      for (Object statement : list) {
        statements.add(statement(function, statement));
      }
    }
    return new IamPolicy(function, statements);
  }

  /** The ARN of a resource ({@code !GetAtt X.Arn}). */
  public String arn(String logicalId) {
    return getAtt(logicalId, "Arn");
  }

  /** A resource value as CloudFormation resolves it: a string, or an intrinsic function of one. */
  public String resolve(Object value) {
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Map<?, ?> map && map.size() == 1) {
      Map.Entry<?, ?> function = map.entrySet().iterator().next();
      switch (String.valueOf(function.getKey())) {
        case "Fn::GetAtt" -> {
          List<String> parts = function.getValue() instanceof List<?> list
              ? list.stream().map(String::valueOf).toList()
              : List.of(String.valueOf(function.getValue()).split("\\.", 2));
          return getAtt(parts.get(0), parts.get(1));
        }
        case "Ref" -> {
          String logicalId = String.valueOf(function.getValue());
          // A parameter's Ref is its value: here its default, as a deploy without overrides has it.
          if (parameter(logicalId) != null) {
            return String.valueOf(parameter(logicalId).get("Default"));
          }
          // A secret's Ref is its ARN (the name plus a random suffix AWS adds), not its name.
          if ("AWS::SecretsManager::Secret".equals(String.valueOf(resource(logicalId).get("Type")))) {
            return arn("secretsmanager", REGION, ACCOUNT, "secret:stack-" + logicalId + "-GENERATED-AbCdEf");
          }
          return ref(logicalId);
        }
        case "Fn::Sub" -> {
          return sub(function.getValue());
        }
        default -> { }
      }
    }
    throw new UnsupportedOperationException("cannot resolve " + value);
  }

  private IamPolicy.Statement statement(String function, Object value) {
    if (!(value instanceof Map<?, ?> statement)) {
      throw new UnsupportedOperationException(function + ": a statement is not a mapping: " + value);
    }
    String sid = statement.get("Sid") == null ? null : String.valueOf(statement.get("Sid"));
    String where = function + (sid == null ? "" : "." + sid);
    for (Object key : statement.keySet()) {
      if (!List.of("Sid", "Effect", "Action", "Resource", "Condition").contains(key)) {
        throw new UnsupportedOperationException(where + ": statement element " + key);
      }
    }
    String effect = String.valueOf(statement.get("Effect"));
    if (!effect.equals("Allow") && !effect.equals("Deny")) {
      throw new UnsupportedOperationException(where + ": Effect " + effect);
    }
    if (statement.get("Action") == null || statement.get("Resource") == null) {
      throw new UnsupportedOperationException(where + ": a statement needs Action and Resource");
    }
    Object resource = statement.get("Resource");
    List<String> resources = new ArrayList<>();
    for (Object one : resource instanceof List<?> list ? list : List.of(resource)) {
      resources.add(resolve(one));
    }
    return new IamPolicy.Statement(sid, effect.equals("Allow"), IamPolicy.strings(statement.get("Action")),
        resources, IamPolicy.conditions(where, statement.get("Condition")));
  }

  private String getAtt(String logicalId, String attribute) {
    Map<?, ?> resource = resource(logicalId);
    String type = String.valueOf(resource.get("Type"));
    if (!attribute.equals("Arn")) {
      throw new UnsupportedOperationException("!GetAtt " + logicalId + "." + attribute);
    }
    return switch (type) {
      case "AWS::DynamoDB::Table" -> arn("dynamodb", REGION, ACCOUNT, "table/" + ref(logicalId));
      case "AWS::S3::Bucket" -> arn("s3", "", "", ref(logicalId));
      case "AWS::SQS::Queue" -> arn("sqs", REGION, ACCOUNT, ref(logicalId));
      case "AWS::Events::EventBus" -> arn("events", REGION, ACCOUNT, "event-bus/" + property(logicalId, "Name"));
      case "AWS::Cognito::UserPool" -> arn("cognito-idp", REGION, ACCOUNT, "userpool/" + REGION + "_" + logicalId);
      case "AWS::IAM::Role" -> arn("iam", "", ACCOUNT, "role/" + ref(logicalId));
      default -> throw new UnsupportedOperationException("!GetAtt " + logicalId + ".Arn of a " + type);
    };
  }

  /** A resource's name: the one the template gives it, else one derived from its logical id. */
  private String ref(String logicalId) {
    Map<?, ?> resource = resource(logicalId);
    String type = String.valueOf(resource.get("Type"));
    String named = switch (type) {
      case "AWS::DynamoDB::Table" -> property(logicalId, "TableName");
      case "AWS::S3::Bucket" -> property(logicalId, "BucketName");
      case "AWS::SQS::Queue" -> property(logicalId, "QueueName");
      case "AWS::Scheduler::ScheduleGroup" -> property(logicalId, "Name");
      case "AWS::IAM::Role" -> property(logicalId, "RoleName");
      // An e-mail identity's Ref is the address (or domain) it verifies.
      case "AWS::SES::EmailIdentity" -> property(logicalId, "EmailIdentity");
      default -> throw new UnsupportedOperationException("!Ref " + logicalId + " of a " + type);
    };
    if (named != null) {
      return named;
    }
    // CloudFormation names an unnamed resource after its stack and logical id; buckets are lower case.
    String generated = "stack-" + logicalId + "-GENERATED";
    return type.equals("AWS::S3::Bucket") ? generated.toLowerCase(Locale.ROOT) : generated;
  }

  private String sub(Object value) {
    String text;
    Map<String, String> variables = new LinkedHashMap<>();
    if (value instanceof List<?> list && list.size() == 2 && list.get(1) instanceof Map<?, ?> vars) {
      text = String.valueOf(list.get(0));
      vars.forEach((name, variable) -> variables.put(String.valueOf(name), resolve(variable)));
    } else {
      text = String.valueOf(value);
    }
    Matcher matcher = SUB_VARIABLE.matcher(text);
    StringBuilder resolved = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(resolved, Matcher.quoteReplacement(variable(matcher.group(1), variables)));
    }
    matcher.appendTail(resolved);
    return resolved.toString();
  }

  private String variable(String name, Map<String, String> variables) {
    if (variables.containsKey(name)) {
      return variables.get(name);
    }
    return switch (name) {
      case "AWS::Region" -> REGION;
      case "AWS::AccountId" -> ACCOUNT;
      case "AWS::Partition" -> PARTITION;
      case "AWS::URLSuffix" -> "amazonaws.com";
      default -> {
        int dot = name.indexOf('.');
        yield dot < 0 ? ref(name) : getAtt(name.substring(0, dot), name.substring(dot + 1));
      }
    };
  }

  private static String arn(String service, String region, String account, String resource) {
    return "arn:" + PARTITION + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  private String property(String logicalId, String name) {
    Object value = template.resourceProperties(logicalId).get(name);
    return value == null ? null : resolve(value);
  }

  /** The template's parameter {@code name}, or null when it has none of that name. */
  private Map<?, ?> parameter(String name) {
    Object parameters = template.document().get("Parameters");
    return parameters instanceof Map<?, ?> map && map.get(name) instanceof Map<?, ?> parameter ? parameter : null;
  }

  private Map<?, ?> resource(String logicalId) {
    Object resource = resources().get(logicalId);
    if (!(resource instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("the template has no resource " + logicalId);
    }
    return map;
  }

  private Map<?, ?> resources() {
    Object resources = template.document().get("Resources");
    return resources instanceof Map<?, ?> map ? map : Map.of();
  }
}
