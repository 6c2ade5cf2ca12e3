package dev.avance.workflows;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.avance.workflows.borrower.BorrowerWorkflowImpl;
import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The workflows module holds deterministic workflow code and pure domain records: no Spring, no
 * database, no network, no files; and workflow implementations never read the wall clock, random
 * numbers or sleep (they use {@code Workflow.currentTimeMillis()}, {@code Workflow.randomUUID()},
 * {@code Workflow.sleep()} instead).
 */
class ArchitectureTest {

  /** The production classes of this module (test classes, such as the fixtures below, excluded). */
  private static final JavaClasses MAIN_CLASSES =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.avance.workflows");

  private static final ArchRule NO_INFRASTRUCTURE =
      noClasses()
          .that()
          .resideInAPackage("dev.avance.workflows..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "java.sql..",
              "javax.sql..",
              "java.net..",
              "java.net.http..",
              "jakarta..",
              "java.nio.file..")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(File.class)
          .allowEmptyShould(false)
          .because("workflow code must stay free of Spring, databases, network and files");

  private static final ArchRule NO_NONDETERMINISM_IN_WORKFLOWS =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("WorkflowImpl")
          .should()
          .accessTargetWhere(nondeterministicAccess())
          .allowEmptyShould(false)
          .because("workflow code is replayed and must be deterministic; use the Workflow API");

  @Test
  void importsTheProductionClassesOnly() {
    assertThat(MAIN_CLASSES.contain(BorrowerWorkflowImpl.class)).isTrue();
    assertThat(MAIN_CLASSES.contain(ArchitectureTest.class)).isFalse();
    assertThat(MAIN_CLASSES.stream().filter(c -> c.getSimpleName().endsWith("WorkflowImpl")))
        .isNotEmpty();
  }

  @Test
  void workflowsDoNotDependOnInfrastructure() {
    NO_INFRASTRUCTURE.check(MAIN_CLASSES);
  }

  @Test
  void workflowImplementationsAreDeterministic() {
    NO_NONDETERMINISM_IN_WORKFLOWS.check(MAIN_CLASSES);
  }

  // --- The rules must catch what they claim to catch: checked on fixtures that break them. ---

  @Test
  void infrastructureRuleCatchesViolations() {
    EvaluationResult result =
        NO_INFRASTRUCTURE.evaluate(new ClassFileImporter().importClasses(UsesInfrastructure.class));

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anyMatch(d -> d.contains(Connection.class.getName()))
        .anyMatch(d -> d.contains(File.class.getName()))
        .anyMatch(d -> d.contains(Path.class.getName()))
        .anyMatch(d -> d.contains(java.net.URI.class.getName()))
        .anyMatch(d -> d.contains(java.net.http.HttpClient.class.getName()));
  }

  @Test
  void determinismRuleCatchesEveryForbiddenCall() {
    JavaClasses fixture = new ClassFileImporter().importClasses(NondeterministicWorkflowImpl.class);

    EvaluationResult result = NO_NONDETERMINISM_IN_WORKFLOWS.evaluate(fixture);

    assertThat(result.hasViolation()).isTrue();
    List<String> details = result.getFailureReport().getDetails();
    for (String expected : NondeterministicWorkflowImpl.VIOLATIONS) {
      assertThat(details).as("reports: %s", expected).anyMatch(d -> d.contains(expected));
    }
  }

  @Test
  void determinismRuleAcceptsCleanWorkflowCode() {
    JavaClasses fixture = new ClassFileImporter().importClasses(CleanWorkflowImpl.class);

    assertThat(NO_NONDETERMINISM_IN_WORKFLOWS.evaluate(fixture).hasViolation()).isFalse();
  }

  /**
   * Calls (and method references) to the wall clock, system timers, random sources and sleeps. Any
   * {@code now(...)} of a {@code java.time} type counts, as does any method of {@link Clock} and
   * the construction of any {@link Random} (including {@link SecureRandom}).
   */
  private static DescribedPredicate<JavaAccess<?>> nondeterministicAccess() {
    return DescribedPredicate.describe(
        "System.currentTimeMillis/nanoTime, java.time.*.now, java.time.Clock, UUID.randomUUID,"
            + " Thread.sleep or new java.util.Random",
        access -> {
          JavaClass owner = access.getTargetOwner();
          String name = access.getName();
          return (owner.isEquivalentTo(System.class)
                  && (name.equals("currentTimeMillis") || name.equals("nanoTime")))
              || (owner.getPackageName().equals("java.time") && name.equals("now"))
              || owner.isAssignableTo(Clock.class)
              || (owner.isEquivalentTo(UUID.class) && name.equals("randomUUID"))
              || (owner.isEquivalentTo(Thread.class) && name.equals("sleep"))
              || (owner.isAssignableTo(Random.class) && name.equals("<init>"));
        });
  }

  /** Breaks the infrastructure rule (Spring and jakarta are not on this module's classpath). */
  @SuppressWarnings("unused")
  static class UsesInfrastructure {
    Connection connection;
    File file;
    Path path;
    java.net.URI uri;
    java.net.http.HttpClient http;
  }

  /** Breaks the determinism rule once per forbidden call; VIOLATIONS are how ArchUnit says so. */
  @SuppressWarnings("unused")
  static class NondeterministicWorkflowImpl {
    static final List<String> VIOLATIONS =
        List.of(
            "references method <java.time.Instant.now()>",
            "calls method <java.lang.Thread.sleep(long)>",
            "calls method <java.lang.System.currentTimeMillis()>",
            "calls method <java.lang.System.nanoTime()>",
            "calls method <java.time.Instant.now()>",
            "calls method <java.time.LocalDate.now()>",
            "calls method <java.time.LocalDateTime.now()>",
            "calls method <java.time.OffsetDateTime.now()>",
            "calls method <java.time.ZonedDateTime.now()>",
            "calls method <java.time.Clock.systemUTC()>",
            "calls method <java.util.UUID.randomUUID()>",
            "calls constructor <java.util.Random.<init>()>",
            "calls constructor <java.security.SecureRandom.<init>()>");

    Object[] run() throws InterruptedException {
      Supplier<Instant> reference = Instant::now;
      Thread.sleep(1);
      return new Object[] {
        System.currentTimeMillis(),
        System.nanoTime(),
        Instant.now(),
        LocalDate.now(),
        LocalDateTime.now(),
        OffsetDateTime.now(),
        ZonedDateTime.now(),
        Clock.systemUTC(),
        UUID.randomUUID(),
        new Random(),
        new SecureRandom(),
        reference
      };
    }
  }

  /** Deterministic code that uses the same types without the forbidden calls. */
  @SuppressWarnings("unused")
  static class CleanWorkflowImpl {
    Instant at(long millis) {
      return Instant.ofEpochMilli(millis);
    }

    UUID id(String name) {
      return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
