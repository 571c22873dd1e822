package io.fibonacci.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.fibonacci.application.port.in.fixture.FibonacciFetcher;
import io.fibonacci.application.port.in.fixture.QueryWithADomainType;
import io.fibonacci.application.port.out.fixture.CachePort;
import io.fibonacci.application.port.out.fixture.CacheWithBehaviour;
import io.fibonacci.application.port.out.fixture.StoreOfQueries;
import io.fibonacci.application.service.fixture.FibonacciGetter;
import io.fibonacci.application.service.fixture.ServiceReadingTheSystemClock;
import io.fibonacci.application.service.fixture.ServiceUsingCaffeine;
import io.fibonacci.domain.model.fixture.ModelUsingAUseCase;
import io.fibonacci.domain.model.fixture.ModelUsingMicronaut;
import io.fibonacci.fixture.cyclea.CycleA;
import io.fibonacci.infrastructure.fixture.AdapterController;
import io.fibonacci.infrastructure.fixture.AdapterPrinting;
import io.fibonacci.infrastructure.fixture.AdapterReadingHttp;
import io.fibonacci.infrastructure.fixture.AdapterReadingSettings;
import io.fibonacci.infrastructure.fixture.AdapterThrowingGenerically;
import io.fibonacci.infrastructure.fixture.AdapterUsingJavaUtilLogging;
import io.fibonacci.infrastructure.fixture.AdapterUsingPresentation;
import io.fibonacci.infrastructure.fixture.AdapterWithFieldInjection;
import io.fibonacci.infrastructure.fixture.CacheHelper;
import io.fibonacci.infrastructure.fixture.CacheOpeningSpans;
import io.fibonacci.infrastructure.fixture.CacheUsingABreaker;
import io.fibonacci.infrastructure.fixture.CacheUsingLettuce;
import io.fibonacci.infrastructure.fixture.Oops;
import io.fibonacci.infrastructure.fixture.QuickStore;
import io.fibonacci.infrastructure.fixture.Settings;
import io.fibonacci.infrastructure.fixture.TokensParsedOutsideTheJwtAdapter;
import io.fibonacci.infrastructure.fixture.Wiring;
import io.fibonacci.infrastructure.fixturea.AdapterA;
import io.fibonacci.presentation.http.fixture.ControllerUsingAnOutPort;
import io.fibonacci.presentation.http.fixture.ControllerWritingBuffers;
import io.fibonacci.presentation.http.fixture.FilterDocumentingItself;
import io.fibonacci.shared.fixture.SharedUsingTheDomain;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that no rule of {@link ArchitectureTest} is vacuous: each is evaluated on the production
 * classes plus the {@code ..fixture..} classes of the tests, and must report the fixture written to
 * break it. A rule weakened until it no longer catches its fixture fails here.
 */
class RulesBiteTest {

  /** For every rule, the fixture class that breaks it. */
  private static final Map<String, Class<?>> FIXTURES =
      Map.ofEntries(
          Map.entry("ringsPointInwards", ModelUsingAUseCase.class),
          Map.entry("sharedKernelDependsOnTheJdkOnly", SharedUsingTheDomain.class),
          Map.entry(
              "domainDependsOnItselfTheSharedKernelAndPlainLibraries", ModelUsingMicronaut.class),
          Map.entry("applicationDependsOnInnerRingsOnly", ServiceUsingCaffeine.class),
          Map.entry(
              "presentationDependsOnInPortsTheSharedKernelAndHttpOnly",
              ControllerUsingAnOutPort.class),
          Map.entry("inPortsExposeNoDomainType", QueryWithADomainType.class),
          Map.entry("outPortsDoNotUseInPortTypes", StoreOfQueries.class),
          Map.entry("portsHoldOnlyContracts", CacheWithBehaviour.class),
          Map.entry("nothingDependsOnPresentation", AdapterUsingPresentation.class),
          Map.entry("lettuceStaysInTheRedisAdapter", CacheUsingLettuce.class),
          Map.entry("nimbusStaysInTheJwtAdapter", TokensParsedOutsideTheJwtAdapter.class),
          Map.entry("openTelemetryStaysInTheObservedDecorators", CacheOpeningSpans.class),
          Map.entry("httpStaysInPresentation", AdapterReadingHttp.class),
          Map.entry("caffeineAndMicrometerStayInInfrastructure", ServiceUsingCaffeine.class),
          Map.entry("resilience4jStaysWithTheRedisAdapters", CacheUsingABreaker.class),
          Map.entry("nettyBuffersStayInTheRepresentations", ControllerWritingBuffers.class),
          Map.entry(
              "swaggerAnnotationsStayWithTheDocumentedResources", FilterDocumentingItself.class),
          Map.entry("theCoreReadsTimeFromAnInjectedClock", ServiceReadingTheSystemClock.class),
          Map.entry("controllersLiveInPresentation", AdapterController.class),
          Map.entry("adaptersAreIndependentOfEachOther", AdapterA.class),
          Map.entry("adaptersDoNotReachIntoTheWiring", AdapterReadingSettings.class),
          Map.entry("packagesAreFreeOfCycles", CycleA.class),
          Map.entry("inPortsAreUseCases", FibonacciFetcher.class),
          Map.entry("useCasesAreServices", FibonacciGetter.class),
          Map.entry("outPortsAreRoleNouns", CachePort.class),
          Map.entry("adaptersAreNamedTechnologyThenPort", QuickStore.class),
          Map.entry("exceptionsEndWithException", Oops.class),
          Map.entry("factoriesAndPropertiesAreNamedForTheirArea", Wiring.class),
          Map.entry("configurationIsNamedProperties", Settings.class),
          Map.entry("noVagueNames", CacheHelper.class),
          Map.entry("noStandardStreams", AdapterPrinting.class),
          Map.entry("noGenericExceptions", AdapterThrowingGenerically.class),
          Map.entry("noFieldInjection", AdapterWithFieldInjection.class),
          Map.entry("noJavaUtilLogging", AdapterUsingJavaUtilLogging.class));

  /** The production classes of every module, and the fixtures; no other test class. */
  private static final JavaClasses PRODUCTION_AND_FIXTURES =
      new ClassFileImporter()
          .withImportOption(RulesBiteTest::isProductionOrFixture)
          .importPackages("io.fibonacci");

  static Stream<Arguments> rules() {
    return FIXTURES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void reportsTheFixtureThatBreaksIt(String ruleName, Class<?> fixture) throws Exception {
    ArchRule rule = (ArchRule) ArchitectureTest.class.getDeclaredField(ruleName).get(null);

    EvaluationResult result = rule.evaluate(PRODUCTION_AND_FIXTURES);

    assertThat(result.hasViolation()).as("%s has a violation", ruleName).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("%s reports %s", ruleName, fixture.getSimpleName())
        .anyMatch(line -> line.contains(fixture.getName()));
  }

  @Test
  void everyRuleHasAFixture() {
    var ruleNames =
        Arrays.stream(ArchitectureTest.class.getDeclaredFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()))
            .filter(field -> ArchRule.class.isAssignableFrom(field.getType()))
            .map(Field::getName)
            .toList();

    assertThat(ruleNames).isNotEmpty();
    assertThat(FIXTURES.keySet()).containsExactlyInAnyOrderElementsOf(ruleNames);
  }

  private static boolean isProductionOrFixture(Location location) {
    return new ImportOption.DoNotIncludeTests().includes(location) || location.contains("/fixture");
  }
}
