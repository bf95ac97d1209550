package io.ztpd.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's module rules: dependencies point inward, to ztpd-core. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ztpd");
  }

  private static void moduleMustNotUse(String module, String... others) {
    moduleMustNotUse(false, module, others);
  }

  /** {@code mayBeEmpty}: the module has no classes yet (the simulator arrives with its issue). */
  private static void moduleMustNotUse(boolean mayBeEmpty, String module, String... others) {
    String[] pkgs = new String[others.length];
    for (int i = 0; i < others.length; i++) pkgs[i] = "io.ztpd." + others[i] + "..";
    noClasses()
        .that()
        .resideInAPackage("io.ztpd." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(pkgs)
        .because("DESIGN.md: ztpd-" + module + " must not depend on " + String.join(", ", others))
        .allowEmptyShould(mayBeEmpty)
        .check(classes);
  }

  @Test
  void coreDependsOnNothingElseInTheReactor() {
    moduleMustNotUse("core", "store", "dhcp", "files", "vendors", "web", "sim", "app");
  }

  @Test
  void storeIsOnlyAStore() {
    moduleMustNotUse("store", "dhcp", "files", "vendors", "web", "sim", "app");
  }

  @Test
  void dhcpKnowsNeitherWebNorFilesNorTheStoreImplementation() {
    moduleMustNotUse("dhcp", "files", "web", "store", "sim", "app");
  }

  @Test
  void filesKnowNeitherDhcpNorWeb() {
    moduleMustNotUse("files", "dhcp", "web", "store", "sim", "app");
  }

  @Test
  void vendorsKnowOnlyCore() {
    moduleMustNotUse("vendors", "web", "store", "dhcp", "files", "sim", "app");
  }

  @Test
  void webKnowsNoProtocolInternals() {
    moduleMustNotUse("web", "dhcp", "files", "store", "vendors", "sim", "app");
  }

  @Test
  void theSimulatorIsAClientNotPartOfTheServer() {
    moduleMustNotUse(
        true, "sim", "store", "web", "app", "dhcp.server", "dhcp.alloc", "dhcp.lease", "files");
  }

  @Test
  void theCodecKnowsNothingOfLeasesOrAllocation() {
    moduleMustNotUse("dhcp.wire", "dhcp.alloc", "dhcp.lease", "dhcp.server");
  }
}
