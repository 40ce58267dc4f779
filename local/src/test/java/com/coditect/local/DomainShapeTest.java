package com.coditect.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.coditect.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape docs/architecture.md sets for every domain, checked over the production sources of
 * {@code shared/} and {@code functions/}, so that a new domain copying an old one copies the shape:
 * storage syntax only in {@code data/} and {@code shared/store}, immutable items, and one naming scheme.
 */
class DomainShapeTest {

  /** DynamoDB's own vocabulary: attribute maps, expressions, table views, condition strings. */
  private static final Pattern STORAGE_SYNTAX = Pattern.compile(
      "\\bAttributeValue\\b|\\bExpression\\b|\\bDynamoDbTable\\b|\\.table\\(\\)"
          + "|conditionExpression|keyConditionExpression|updateExpression|filterExpression"
          + "|attribute_not_exists|attribute_exists|\"[^\"]*\\s:[a-z_]+\\b[^\"]*\"");

  /** Names the scheme retired: a verb after the resource, and readers by other names. */
  private static final Pattern RETIRED_NAME = Pattern.compile(
      "\\w+(Create|Update|Complete)Request|\\w+(Queries|Lookup|Reader|PeriodScan)");

  @Test
  void storageSyntaxStaysInDataAndSharedStore() {
    List<String> found = new ArrayList<>();
    for (Path source : productionSources()) {
      String path = ProjectFiles.root().relativize(source).toString().replace('\\', '/');
      if (path.contains("/data/") || path.contains("/shared/store/")) {
        continue;
      }
      List<String> lines = read(source);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
          continue;
        }
        Matcher matcher = STORAGE_SYNTAX.matcher(line);
        if (matcher.find()) {
          found.add(path + ":" + (i + 1) + " " + matcher.group());
        }
      }
    }
    assertEquals(List.of(), found, "storage syntax outside data/ and shared/store");
  }

  /** Services, route groups and API records name no key and no DynamoDB type: they speak in domain terms. */
  @Test
  void servicesRoutesAndApiRecordsBuildNoKeys() {
    Pattern keysOrTypes = Pattern.compile("\\b[A-Z]\\w*Keys\\.|import software\\.amazon\\.awssdk\\.(services\\.dynamodb|enhanced)");
    List<String> found = new ArrayList<>();
    for (Path source : productionSources()) {
      String path = ProjectFiles.root().relativize(source).toString().replace('\\', '/');
      // Wiring (modules, components, handlers) builds clients; data/ is where keys belong.
      boolean wiring = path.matches(".*(Module|Component|Handler)\\.java");
      if (!path.startsWith("functions/") || path.contains("/data/") || wiring) {
        continue;
      }
      List<String> lines = read(source);
      for (int i = 0; i < lines.size(); i++) {
        Matcher matcher = keysOrTypes.matcher(lines.get(i));
        if (matcher.find()) {
          found.add(path + ":" + (i + 1) + " " + matcher.group());
        }
      }
    }
    assertEquals(List.of(), found, "keys or DynamoDB types outside data/");
  }

  /** A domain's model/ holds its choice lists, each an enum that spells its values one way. */
  @Test
  void modelPackagesHoldChoiceEnums() {
    List<String> found = new ArrayList<>();
    for (Path source : productionSources()) {
      String path = ProjectFiles.root().relativize(source).toString().replace('\\', '/');
      boolean choiceEnum = read(source).stream().anyMatch(l -> l.matches("public enum \\w+ implements Choice \\{"));
      if (path.contains("/model/") && !choiceEnum) {
        found.add(path);
      }
    }
    assertEquals(List.of(), found, "model/ classes that are not Choice enums");
  }

  /**
   * Items are immutable: each is generated (Immutables) from an {@code Abstract*Item} source of
   * accessors, and no storage class keeps a public field anyone could change.
   */
  @Test
  void itemsAreImmutable() {
    Pattern publicField = Pattern.compile("^\\s*public (?!static |final |abstract |class |interface |record |enum )"
        + "[\\w<>, ?\\[\\]]+ \\w+( = .*)?;");
    List<String> found = new ArrayList<>();
    for (Path source : productionSources()) {
      String path = ProjectFiles.root().relativize(source).toString().replace('\\', '/');
      if (!path.contains("/data/") && !path.contains("/shared/store/")) {
        continue;
      }
      String name = source.getFileName().toString();
      List<String> lines = read(source);
      boolean itemClass = name.endsWith("Item.java") && lines.stream().noneMatch(l -> l.startsWith("public interface "));
      if (itemClass && !(name.startsWith("Abstract") && lines.contains("@Value.Immutable"))) {
        found.add(path + " is an item not generated from an @Value.Immutable Abstract*Item");
      }
      for (int i = 0; i < lines.size(); i++) {
        if (publicField.matcher(lines.get(i)).find()) {
          found.add(path + ":" + (i + 1) + " public mutable field");
        }
      }
    }
    assertEquals(List.of(), found, "mutable items or storage classes");
    assertTrue(publicField.matcher("  public String name;").find());
    assertTrue(publicField.matcher("  public List<String> tags = null;").find());
    assertFalse(publicField.matcher("  public static final String ENTITY = \"TASK\";").find());
    assertFalse(publicField.matcher("  public abstract String name();").find());
  }

  @Test
  void classesFollowTheNamingScheme() {
    List<String> found = new ArrayList<>();
    for (Path source : productionSources()) {
      String name = source.getFileName().toString().replace(".java", "");
      if (RETIRED_NAME.matcher(name).matches()) {
        found.add(ProjectFiles.root().relativize(source).toString());
      }
    }
    assertEquals(List.of(), found, "names docs/architecture.md retired");
  }

  @Test
  void theCheckSeesEveryDomain() {
    List<Path> sources = productionSources();
    for (String domain : List.of("tenancy", "pm", "audit", "dms", "workflows", "billing", "commerce", "contacts")) {
      assertFalse(sources.stream().noneMatch(p -> p.toString().contains("/com/coditect/" + domain + "/domain/")),
          "no sources of " + domain + " were scanned");
    }
    assertTrue(STORAGE_SYNTAX.matcher("tx.update(key, \"SET #rank = :rank\", values)").find());
    assertTrue(STORAGE_SYNTAX.matcher("Map<String, AttributeValue> item").find());
    assertFalse(STORAGE_SYNTAX.matcher("throw new NotFoundException(\"The task was not found.\")").find());
  }

  private static List<Path> productionSources() {
    List<Path> roots = new ArrayList<>();
    roots.add(ProjectFiles.root().resolve("shared/src/main/java"));
    try (Stream<Path> functions = Files.list(ProjectFiles.root().resolve("functions"))) {
      functions.map(f -> f.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> sources = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(sources::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }

  private static List<String> read(Path source) {
    try {
      return Files.readAllLines(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
