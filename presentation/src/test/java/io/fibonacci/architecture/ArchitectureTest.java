package io.fibonacci.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import com.tngtech.archunit.library.dependencies.Slice;
import io.fibonacci.shared.FibonacciException;
import java.time.Clock;
import java.time.Instant;

/**
 * The architecture of ARCHITECTURE.md, checked on the production classes of every module: rings,
 * technology confinement, adapter independence, cycles, naming and general coding rules. {@link
 * RulesBiteTest} shows that each rule fails on a class that breaks it.
 */
@AnalyzeClasses(
    packages = "io.fibonacci",
    importOptions = {ImportOption.DoNotIncludeTests.class, DoNotIncludeTestJars.class})
class ArchitectureTest {

  private static final String SHARED = "io.fibonacci.shared..";
  private static final String DOMAIN = "io.fibonacci.domain..";
  private static final String APPLICATION = "io.fibonacci.application..";
  private static final String PORT_IN = "io.fibonacci.application.port.in..";
  private static final String PORT_OUT = "io.fibonacci.application.port.out..";
  private static final String INFRASTRUCTURE = "io.fibonacci.infrastructure..";
  private static final String PRESENTATION = "io.fibonacci.presentation..";

  /** The package of {@code io.fibonacci.Application} alone (no subpackages). */
  private static final String ROOT = "io.fibonacci";

  // --- rings ---------------------------------------------------------------------------------

  @ArchTest
  static final ArchRule ringsPointInwards =
      onionArchitecture()
          .domainModels("io.fibonacci.domain.model..")
          .domainServices("io.fibonacci.domain.port..", "io.fibonacci.domain.calculator..")
          .applicationServices(APPLICATION)
          .adapter("in-memory", "io.fibonacci.infrastructure.inmemory..")
          .adapter("redis", "io.fibonacci.infrastructure.redis..")
          .adapter("observability", "io.fibonacci.infrastructure.observability..")
          .adapter("composite", "io.fibonacci.infrastructure.composite..")
          .adapter("compression", "io.fibonacci.infrastructure.compression..")
          .adapter("compute", "io.fibonacci.infrastructure.compute..")
          .adapter("jobs", "io.fibonacci.infrastructure.jobs..")
          .adapter("file", "io.fibonacci.infrastructure.file..")
          .adapter("jwt", "io.fibonacci.infrastructure.jwt..")
          .adapter("http", PRESENTATION, "io.fibonacci")
          // The wiring builds every ring with new: it is the one place allowed to see them all.
          .ignoreDependency(
              resideInAPackage("io.fibonacci.infrastructure.config.."),
              DescribedPredicate.alwaysTrue())
          .because("dependencies point from the adapters inwards to the domain, never outwards");

  @ArchTest
  static final ArchRule sharedKernelDependsOnTheJdkOnly =
      classes()
          .that()
          .resideInAPackage(SHARED)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(SHARED, "java..")
          .because("the shared kernel is the base of every ring and must stay tiny and plain");

  @ArchTest
  static final ArchRule domainDependsOnItselfTheSharedKernelAndPlainLibraries =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(DOMAIN, SHARED, "java..", "org.apfloat..")
          .because("the domain is pure computation: no framework reaches it");

  @ArchTest
  static final ArchRule applicationDependsOnInnerRingsOnly =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, SHARED, "java..")
          .because("use cases orchestrate ports; adapters are wired from infrastructure/config");

  @ArchTest
  static final ArchRule presentationDependsOnInPortsTheSharedKernelAndHttpOnly =
      classes()
          .that()
          .resideInAnyPackage(PRESENTATION, ROOT)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              PRESENTATION,
              ROOT,
              PORT_IN,
              SHARED,
              "java..",
              "io.micronaut..",
              "io.netty..",
              "jakarta..",
              "org.slf4j..",
              "io.swagger.v3.oas.annotations..",
              "com.fasterxml.jackson.annotation..",
              "reactor.core..",
              "org.reactivestreams..")
          .because(
              "controllers talk to use cases through application.port.in only; besides it they"
                  + " see HTTP (Micronaut, Netty), injection, logging, the OpenAPI annotations and"
                  + " Reactor for streamed bodies");

  @ArchTest
  static final ArchRule inPortsExposeNoDomainType =
      noClasses()
          .that()
          .resideInAPackage(PORT_IN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(DOMAIN)
          .because("callers of a use case must not couple to the domain's model");

  @ArchTest
  static final ArchRule outPortsDoNotUseInPortTypes =
      noClasses()
          .that()
          .resideInAPackage(PORT_OUT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PORT_IN)
          .because("what adapters provide does not depend on what callers are offered");

  @ArchTest
  static final ArchRule portsHoldOnlyContracts =
      classes()
          .that()
          .resideInAnyPackage(PORT_IN, PORT_OUT, "io.fibonacci.domain.port..")
          .and()
          .areTopLevelClasses()
          .should(beAContract())
          .because(
              "a port is a contract: interfaces, and the records, enums and exceptions they speak"
                  + " in; behaviour lives in services and adapters");

  @ArchTest
  static final ArchRule nothingDependsOnPresentation =
      noClasses()
          .that()
          .resideOutsideOfPackages(PRESENTATION)
          .and()
          .resideOutsideOfPackage("io.fibonacci")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PRESENTATION)
          .because("presentation is the outermost ring");

  // --- technology confinement ----------------------------------------------------------------

  @ArchTest
  static final ArchRule lettuceStaysInTheRedisAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fibonacci.infrastructure.redis..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.lettuce..")
          .because("only the Redis adapter knows Redis");

  @ArchTest
  static final ArchRule nimbusStaysInTheJwtAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fibonacci.infrastructure.jwt..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.nimbusds..")
          .because("only the JWT adapter parses and verifies tokens; the rest sees VerifiedToken");

  @ArchTest
  static final ArchRule openTelemetryStaysInTheObservedDecorators =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.fibonacci.infrastructure.observability..", "io.fibonacci.infrastructure.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.opentelemetry..")
          .because(
              "spans are made by the observed decorators, wired with a tracer only when tracing is on");

  @ArchTest
  static final ArchRule httpStaysInPresentation =
      noClasses()
          .that()
          .resideOutsideOfPackages(PRESENTATION, "io.fibonacci")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.micronaut.http..", "io.netty.handler.codec.http..")
          .because("HTTP is a presentation concern");

  @ArchTest
  static final ArchRule caffeineAndMicrometerStayInInfrastructure =
      noClasses()
          .that()
          .resideOutsideOfPackage(INFRASTRUCTURE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.github.benmanes.caffeine..", "io.micrometer..")
          .because("caches and metrics are adapters and decorators wired in infrastructure");

  @ArchTest
  static final ArchRule resilience4jStaysWithTheRedisAdapters =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.fibonacci.infrastructure.redis..",
              "io.fibonacci.infrastructure.composite..",
              "io.fibonacci.infrastructure.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.github.resilience4j..")
          .because("circuit breakers guard the Redis adapters and are built by their wiring");

  @ArchTest
  static final ArchRule nettyBuffersStayInTheRepresentations =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fibonacci.presentation.http.representation..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.netty.buffer..")
          .because("reference-counted buffers are built and released in one place");

  @ArchTest
  static final ArchRule swaggerAnnotationsStayWithTheDocumentedResources =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.fibonacci.presentation.http.fibonacci..",
              "io.fibonacci.presentation.http.jobs..",
              "io.fibonacci.presentation.http.modular..",
              "io.fibonacci.presentation.http.index..",
              "io.fibonacci.presentation.http.sequence..",
              "io.fibonacci.presentation.http.openapi..",
              "io.fibonacci.presentation.http.problem..",
              ROOT)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.swagger..")
          .because("the OpenAPI document describes resources; filters and adapters stay out of it");

  @ArchTest
  static final ArchRule theCoreReadsTimeFromAnInjectedClock =
      noClasses()
          .that()
          .resideInAnyPackage(SHARED, DOMAIN, APPLICATION)
          .should()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callMethod(System.class, "currentTimeMillis")
          .because("time is a parameter of the core, so tests can set it");

  @ArchTest
  static final ArchRule controllersLiveInPresentation =
      classes()
          .that()
          .areAnnotatedWith("io.micronaut.http.annotation.Controller")
          .should()
          .resideInAPackage("io.fibonacci.presentation.http..")
          .because("infrastructure has no controllers");

  // --- adapters and cycles -------------------------------------------------------------------

  @ArchTest
  static final ArchRule adaptersAreIndependentOfEachOther =
      slices()
          .matching("io.fibonacci.infrastructure.(*)..")
          .that(
              DescribedPredicate.describe(
                  "are adapters (not the wiring)",
                  (Slice slice) -> !"config".equals(slice.getNamePart(1))))
          .should()
          .notDependOnEachOther()
          .because("each adapter can be replaced without touching another");

  @ArchTest
  static final ArchRule adaptersDoNotReachIntoTheWiring =
      noClasses()
          .that()
          .resideInAPackage(INFRASTRUCTURE)
          .and()
          .resideOutsideOfPackage("io.fibonacci.infrastructure.config..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.fibonacci.infrastructure.config..")
          .because("configuration builds adapters, not the other way round");

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices()
          .matching("io.fibonacci.(**)")
          .should()
          .beFreeOfCycles()
          .because("cycles make modules impossible to reason about one at a time");

  // --- naming ----------------------------------------------------------------------------------

  @ArchTest
  static final ArchRule inPortsAreUseCases =
      classes()
          .that()
          .resideInAPackage(PORT_IN)
          .and()
          .areInterfaces()
          .should()
          .haveSimpleNameEndingWith("UseCase")
          .because("an in-port names what a caller can do: <Verb><Noun>UseCase");

  @ArchTest
  static final ArchRule useCasesAreServices =
      classes()
          .that()
          .implement(
              DescribedPredicate.describe(
                  "a use case", (JavaClass type) -> type.getSimpleName().endsWith("UseCase")))
          .should()
          .haveSimpleNameEndingWith("Service")
          .andShould()
          .resideInAPackage("io.fibonacci.application.service..")
          .because("a use case is implemented by <Verb><Noun>Service in application.service");

  @ArchTest
  static final ArchRule outPortsAreRoleNouns =
      classes()
          .that()
          .resideInAPackage(PORT_OUT)
          .and()
          .areInterfaces()
          .should()
          .haveSimpleNameNotEndingWith("Port")
          .because("out-ports are named by their role, e.g. FibonacciCache");

  @ArchTest
  static final ArchRule adaptersAreNamedTechnologyThenPort =
      classes()
          .that()
          .resideInAPackage(INFRASTRUCTURE)
          .and()
          .implement(DescribedPredicate.describe("an out-port", ArchitectureTest::isPort))
          .should(endWithTheNameOfThePortTheyImplement())
          .because("adapters and decorators are <Technology|Concern><Port>");

  @ArchTest
  static final ArchRule exceptionsEndWithException =
      classes()
          .that()
          .areAssignableTo(Throwable.class)
          .should()
          .haveSimpleNameEndingWith("Exception")
          .because("an exception is <Problem>Exception with a stable ErrorCode");

  @ArchTest
  static final ArchRule factoriesAndPropertiesAreNamedForTheirArea =
      classes()
          .that()
          .areAnnotatedWith("io.micronaut.context.annotation.Factory")
          .should()
          .haveSimpleNameEndingWith("Factory")
          .andShould()
          .resideInAPackage("io.fibonacci.infrastructure.config..")
          .because("wiring is <Area>Factory in infrastructure/config");

  @ArchTest
  static final ArchRule configurationIsNamedProperties =
      classes()
          .that()
          .areAnnotatedWith("io.micronaut.context.annotation.ConfigurationProperties")
          .and()
          .areTopLevelClasses()
          .should()
          .haveSimpleNameEndingWith("Properties")
          .because("configuration is bound to <Area>Properties");

  @ArchTest
  static final ArchRule noVagueNames =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Manager")
          .orShould()
          .haveNameMatching(".*\\.I[A-Z][a-z][A-Za-z]*")
          .because("a name says what a class is, not that it exists");

  // --- general coding rules ------------------------------------------------------------------

  @ArchTest
  static final ArchRule noStandardStreams =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.fibonacci.presentation.cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because("logs go through SLF4J as JSON; only the command line prints to its terminal");

  @ArchTest
  static final ArchRule noGenericExceptions =
      GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.because(
          "failures carry a type and an ErrorCode");

  @ArchTest
  static final ArchRule noFieldInjection =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
          "constructor injection keeps dependencies visible and classes testable");

  @ArchTest
  static final ArchRule noJavaUtilLogging =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because("SLF4J is the one API");

  private static ArchCondition<JavaClass> beAContract() {
    return new ArchCondition<>("be interfaces, records, enums or exceptions") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        boolean contract =
            type.isInterface()
                || type.isRecord()
                || type.isEnum()
                || type.isAssignableTo(FibonacciException.class);
        events.add(
            new SimpleConditionEvent(
                type, contract, type.getName() + (contract ? " is" : " is not") + " a contract"));
      }
    };
  }

  private static boolean isPort(JavaClass type) {
    return type.getPackageName().startsWith("io.fibonacci.application.port.out")
        || type.getPackageName().startsWith("io.fibonacci.domain.port");
  }

  private static ArchCondition<JavaClass> endWithTheNameOfThePortTheyImplement() {
    return new ArchCondition<>("end with the name of the port they implement") {
      @Override
      public void check(JavaClass adapter, ConditionEvents events) {
        adapter.getAllRawInterfaces().stream()
            .filter(ArchitectureTest::isPort)
            .forEach(
                port -> {
                  boolean named = adapter.getSimpleName().endsWith(port.getSimpleName());
                  String message =
                      adapter.getName()
                          + " implements "
                          + port.getSimpleName()
                          + (named ? "" : " but is not named <Technology>" + port.getSimpleName());
                  events.add(new SimpleConditionEvent(adapter, named, message));
                });
      }
    };
  }
}
