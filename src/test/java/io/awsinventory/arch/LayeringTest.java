package io.awsinventory.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages read as the pipeline: cli, run, delivery (the set to the Data Hub), licence (the
 * licence position of a set), history (sets kept in a database), schema, auth, discovery, fanout
 * (what is called and when), transport (how one call is made), collect, output, and the kernel (the
 * root package) at the bottom. Every import points down this list.
 */
class LayeringTest {
  static final String ROOT = "io.awsinventory";

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
  }

  /** The layers, top to bottom: each may use only the layers below it. */
  static ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy(ROOT + ".cli..")
        .layer("run")
        .definedBy(ROOT + ".run..")
        .layer("delivery")
        .definedBy(ROOT + ".delivery..")
        .layer("licence")
        .definedBy(ROOT + ".licence..")
        .layer("history")
        .definedBy(ROOT + ".history..")
        .layer("schema")
        .definedBy(ROOT + ".schema..")
        .layer("auth")
        .definedBy(ROOT + ".auth..")
        .layer("discovery")
        .definedBy(ROOT + ".discovery..")
        .layer("fanout")
        .definedBy(ROOT + ".fanout..")
        .layer("transport")
        .definedBy(ROOT + ".transport..")
        .layer("collect")
        .definedBy(ROOT + ".collect..")
        .layer("output")
        .definedBy(ROOT + ".output..")
        .layer("kernel")
        .definedBy(ROOT)
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("run")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("delivery")
        .mayOnlyBeAccessedByLayers("cli", "run")
        .whereLayer("licence")
        .mayOnlyBeAccessedByLayers("cli", "run")
        .whereLayer("history")
        .mayOnlyBeAccessedByLayers("cli", "run")
        .whereLayer("schema")
        .mayOnlyBeAccessedByLayers("cli", "run", "delivery", "licence", "history")
        .whereLayer("auth")
        .mayOnlyBeAccessedByLayers("cli", "run", "delivery", "licence", "history", "schema")
        .whereLayer("discovery")
        .mayOnlyBeAccessedByLayers("cli", "run", "delivery", "licence", "history", "schema", "auth")
        .whereLayer("fanout")
        .mayOnlyBeAccessedByLayers(
            "cli", "run", "delivery", "licence", "history", "schema", "auth", "discovery")
        .whereLayer("transport")
        .mayOnlyBeAccessedByLayers(
            "cli", "run", "delivery", "licence", "history", "schema", "auth", "discovery", "fanout")
        .whereLayer("collect")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "run",
            "delivery",
            "licence",
            "history",
            "schema",
            "auth",
            "discovery",
            "fanout",
            "transport")
        .whereLayer("output")
        .mayOnlyBeAccessedByLayers(
            "cli",
            "run",
            "delivery",
            "licence",
            "history",
            "schema",
            "auth",
            "discovery",
            "fanout",
            "transport",
            "collect")
        .whereLayer("kernel")
        .mayNotAccessAnyLayer();
  }

  static ArchRule noCycles() {
    return slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();
  }

  static ArchRule cliUsesRun() {
    return classes()
        .that()
        .haveFullyQualifiedName(ROOT + ".cli.CollectCommand")
        .or()
        .haveFullyQualifiedName(ROOT + ".cli.CheckCommand")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".run");
  }

  static ArchRule collectAndOutputStayBelowTheRunner() {
    return noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".collect..", ROOT + ".output..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".fanout..", ROOT + ".run..");
  }

  static ArchRule onlyCliKnowsPicocli() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..");
  }

  @Test
  void everyImport_pointsDownTheLayers() {
    layers().check(main);
  }

  @Test
  void packages_haveNoCycles() {
    noCycles().check(main);
  }

  @Test
  void collectAndCheckCommands_runThroughTheRunPackage() {
    cliUsesRun().check(main);
  }

  @Test
  void collectAndOutput_neverUseTheRunnerOrTheRun() {
    collectAndOutputStayBelowTheRunner().check(main);
  }

  @Test
  void onlyTheCommandLine_knowsPicocli() {
    onlyCliKnowsPicocli().check(main);
  }
}
