package io.opencommerce.kit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule against the fixtures of a made-up service (io.opencommerce.examplesvc): it reports the
 * classes that break it, and only those, so that no rule passes because it matches nothing.
 */
class PlatformRulesTest {
  private static final JavaClasses EXAMPLE =
      new ClassFileImporter().importPackages("io.opencommerce.examplesvc");

  @Test
  void aServiceReachesAnotherOnlyThroughItsClient() {
    assertThat(violations(PlatformRules.NO_SERVICE_IMPORTS_ANOTHER))
        .isNotEmpty()
        .allMatch(line -> line.contains("ImportsAnotherService") && line.contains("OtherDomain"));
  }

  @Test
  void theDomainDependsOnNoOtherLayer() {
    assertThat(violations(PlatformRules.DOMAIN_DEPENDS_ON_NO_OTHER_LAYER))
        .isNotEmpty()
        .allMatch(line -> line.contains("LeakyOrder") && line.contains("ApplicationFixtures"));
  }

  @Test
  void theApplicationDoesNotDependOnTheApi() {
    assertThat(violations(PlatformRules.APPLICATION_DOES_NOT_DEPEND_ON_THE_API))
        .isNotEmpty()
        .allMatch(line -> line.contains("UsesResource"));
  }

  @Test
  void nothingOutsideTheApiDependsOnIt() {
    assertThat(violations(PlatformRules.NOTHING_OUTSIDE_THE_API_DEPENDS_ON_IT))
        .isNotEmpty()
        .allMatch(line -> line.contains("UsesResource"));
  }

  @Test
  void resourcesOpenNoTransaction() {
    assertThat(violations(PlatformRules.RESOURCES_ARE_FREE_OF_TRANSACTIONS))
        .hasSize(2)
        .anyMatch(line -> line.contains("TransactionalMethodResource.put()"))
        .anyMatch(line -> line.contains("ApiFixtures$TransactionalResource>"));
  }

  @Test
  void eventConsumersLiveInTheApplicationLayer() {
    assertThat(violations(PlatformRules.EVENT_CONSUMERS_LIVE_IN_THE_APPLICATION_LAYER))
        .hasSize(1)
        .allMatch(line -> line.contains("StrayConsumer.placed("));
  }

  @Test
  void nothingWritesToTheStandardStreams() {
    List<String> violations = violations(PlatformRules.NO_STANDARD_STREAMS);

    assertThat(violations).allMatch(line -> line.contains("Printer"));
    assertThat(String.join("\n", violations))
        .contains("System.out", "System.err", "printStackTrace()");
  }

  @Test
  void theDomainIsFreeOfCdiAndJaxRs() {
    assertThat(violations(PlatformRules.DOMAIN_IS_FREE_OF_CDI_AND_JAX_RS))
        .isNotEmpty()
        .allMatch(line -> line.contains("LeakyOrder") && line.contains("jakarta.inject.Inject"));
  }

  private static List<String> violations(ArchRule rule) {
    return rule.evaluate(EXAMPLE).getFailureReport().getDetails();
  }
}
