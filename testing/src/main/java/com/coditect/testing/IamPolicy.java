package com.coditect.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity policy of one role, as template.yaml writes it, and a small evaluator of requests
 * against it (test support only: there is no maintained Java IAM evaluator). It decides as IAM does
 * for the subset the template uses, and refuses the rest instead of guessing:
 *
 * <ul>
 *   <li>an explicit {@code Deny} wins over any {@code Allow}; without a matching {@code Allow} the
 *       request is implicitly denied;
 *   <li>{@code Action}: service:name, case-insensitive, with {@code *} and {@code ?} wildcards;
 *   <li>{@code Resource}: ARNs (resolved from the template by {@link TemplateIam}) compared segment by
 *       segment (the parts between colons), case-sensitive, with {@code *} and {@code ?} wildcards
 *       that never span a colon; {@code "*"} alone is every resource;
 *   <li>{@code Condition}: {@code StringEquals} and {@code StringLike} on {@code dynamodb:LeadingKeys},
 *       plain or with the set qualifiers {@code ForAllValues:} (every value of the request matches
 *       some value of the policy; true when the request has none) and {@code ForAnyValue:} (some
 *       value matches; false when it has none). Operators in one block, keys in one operator and
 *       blocks are ANDed; the policy's values are ORed.
 * </ul>
 * Anything else ({@code NotAction}, {@code NotResource}, another operator or condition key, an
 * {@code ...IfExists} operator) throws {@link UnsupportedOperationException} when a request reaches
 * the statement, so a test over it fails loudly.
 */
public final class IamPolicy {

  /** What IAM decides for a request. */
  public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

  /** A request: an action on one resource ARN, with its condition context (key -> values). */
  public record Request(String action, String resource, Map<String, List<String>> context) {

    /** A DynamoDB item request on a table: {@code dynamodb:LeadingKeys} is the item's partition key. */
    public static Request dynamoDb(String action, String tableArn, String partitionKey) {
      return new Request(action, tableArn, Map.of(LEADING_KEYS, List.of(partitionKey)));
    }
  }

  /** One condition: {@code [qualifier:]operator} on {@code key} with the policy's values. */
  public record Condition(String qualifier, String operator, String key, List<String> values) {}

  /** One statement, with its resources resolved to ARNs. */
  public record Statement(String sid, boolean allow, List<String> actions, List<String> resources,
      List<Condition> conditions) {}

  public static final String LEADING_KEYS = "dynamodb:LeadingKeys";
  private static final Set<String> OPERATORS = Set.of("StringEquals", "StringLike");
  private static final Set<String> QUALIFIERS = Set.of("ForAllValues", "ForAnyValue");
  private static final Set<String> CONDITION_KEYS = Set.of(LEADING_KEYS);

  private final String role;
  private final List<Statement> statements;

  public IamPolicy(String role, List<Statement> statements) {
    this.role = role;
    this.statements = List.copyOf(statements);
  }

  public String role() {
    return role;
  }

  public List<Statement> statements() {
    return statements;
  }

  public boolean allows(Request request) {
    return evaluate(request) == Decision.ALLOW;
  }

  public Decision evaluate(Request request) {
    boolean allowed = false;
    for (Statement statement : statements) {
      if (!applies(statement, request) || !conditionsHold(statement, request)) {
        continue;
      }
      if (!statement.allow()) {
        return Decision.EXPLICIT_DENY;
      }
      allowed = true;
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  private static boolean applies(Statement statement, Request request) {
    return statement.actions().stream().anyMatch(action -> actionMatches(action, request.action()))
        && statement.resources().stream().anyMatch(resource -> resourceMatches(resource, request.resource()));
  }

  /** IAM compares actions without regard to case. */
  static boolean actionMatches(String pattern, String action) {
    return glob(pattern.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches();
  }

  /** ARNs are compared segment by segment; a wildcard matches within its segment only. */
  static boolean resourceMatches(String pattern, String arn) {
    if (pattern.equals("*")) {
      return true;
    }
    String[] wanted = pattern.split(":", 6);
    String[] actual = arn.split(":", 6);
    if (wanted.length != 6 || actual.length != 6) {
      throw new UnsupportedOperationException("not an ARN: " + (wanted.length != 6 ? pattern : arn));
    }
    for (int i = 0; i < 6; i++) {
      if (!glob(wanted[i]).matcher(actual[i]).matches()) {
        return false;
      }
    }
    return true;
  }

  private boolean conditionsHold(Statement statement, Request request) {
    for (Condition condition : statement.conditions()) {
      if (!holds(statement, condition, request)) {
        return false;
      }
    }
    return true;
  }

  private boolean holds(Statement statement, Condition condition, Request request) {
    String where = role + (statement.sid() == null ? "" : "." + statement.sid());
    if (!OPERATORS.contains(condition.operator())) {
      throw new UnsupportedOperationException(where + ": condition operator " + condition.operator());
    }
    if (condition.qualifier() != null && !QUALIFIERS.contains(condition.qualifier())) {
      throw new UnsupportedOperationException(where + ": condition qualifier " + condition.qualifier());
    }
    if (!CONDITION_KEYS.contains(condition.key())) {
      throw new UnsupportedOperationException(where + ": condition key " + condition.key());
    }
    List<String> values = request.context().getOrDefault(condition.key(), List.of());
    boolean like = condition.operator().equals("StringLike");
    if (condition.qualifier() == null) {
      if (values.size() > 1) {
        throw new UnsupportedOperationException(where + ": " + condition.operator() + " without a set qualifier"
            + " on the multivalued " + condition.key());
      }
      return values.size() == 1 && matchesAny(condition.values(), values.get(0), like);
    }
    if (condition.qualifier().equals("ForAllValues")) {
      return values.stream().allMatch(value -> matchesAny(condition.values(), value, like));
    }
    return values.stream().anyMatch(value -> matchesAny(condition.values(), value, like));
  }

  private static boolean matchesAny(List<String> policyValues, String value, boolean like) {
    for (String policyValue : policyValues) {
      if (like ? glob(policyValue).matcher(value).matches() : policyValue.equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code *}: any run of characters, {@code ?}: any one; everything else literal. */
  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Builds statements from their parsed YAML, for {@link TemplateIam}. */
  static List<Condition> conditions(String where, Object block) {
    List<Condition> conditions = new ArrayList<>();
    if (block == null) {
      return conditions;
    }
    for (Map.Entry<?, ?> operator : map(where + ".Condition", block).entrySet()) {
      String name = String.valueOf(operator.getKey());
      int colon = name.indexOf(':');
      String qualifier = colon < 0 ? null : name.substring(0, colon);
      String op = colon < 0 ? name : name.substring(colon + 1);
      for (Map.Entry<?, ?> key : map(where + ".Condition." + name, operator.getValue()).entrySet()) {
        conditions.add(new Condition(qualifier, op, String.valueOf(key.getKey()), strings(key.getValue())));
      }
    }
    return conditions;
  }

  static List<String> strings(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(value));
  }

  private static Map<?, ?> map(String where, Object value) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new UnsupportedOperationException(where + " is not a mapping: " + value);
  }
}
