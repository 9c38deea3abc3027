package io.opencommerce.kit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's machine-checkable conventions, written once and run by every service's {@code
 * ArchitectureTest} ({@code ArchTests.in(PlatformRules.class)}) against that service's classes.
 *
 * <p>A service's code lives in {@code io.opencommerce.<service>}, in the layers {@code api} (JAX-RS
 * resources and their view mapping), {@code application} (use cases, event consumers), {@code
 * domain} (entities, value objects, rules, and ports such as {@code Carrier} or {@code
 * PaymentProvider}) and {@code infrastructure} (adapters: other services' REST clients, carriers,
 * payment providers, signing). {@code io.opencommerce.kit} and {@code io.opencommerce.contracts}
 * are shared by all services, and so is each service's {@code io.opencommerce.<service>.client}.
 */
public final class PlatformRules {
  private static final String ROOT = "io.opencommerce.";
  private static final Set<String> SHARED = Set.of("kit", "contracts");
  private static final String CLIENT = "client";
  private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
  private static final String RECEIVED = "io.opencommerce.kit.events.Received";
  private static final Set<String> OBSERVES =
      Set.of("jakarta.enterprise.event.Observes", "jakarta.enterprise.event.ObservesAsync");

  private static final String PERSISTENCE_XML = "META-INF/persistence.xml";
  private static final String NO_SHARED_CACHE = "<shared-cache-mode>NONE</shared-cache-mode>";

  private PlatformRules() {}

  @ArchTest
  public static final ArchRule NO_SERVICE_IMPORTS_ANOTHER =
      classes()
          .that(belongToAService())
          .should(dependOnNoOtherServiceButItsClient())
          .because(
              "services are deployed, scaled and changed on their own: one reaches another only"
                  + " through its REST client jar (io.opencommerce.<service>.client) or the events of"
                  + " io.opencommerce.contracts, and shares code only through io.opencommerce.kit");

  @ArchTest
  public static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_LAYER =
      noClasses()
          .that(inLayer("domain"))
          .should()
          .dependOnClassesThat(
              inLayer("api").or(inLayer("application")).or(inLayer("infrastructure")))
          .because(
              "the domain model is the core the other layers are built around: use cases, resources"
                  + " and adapters depend on it, never the other way round (JPA mapping annotations"
                  + " are part of the domain, the classes they point at must be too)")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule APPLICATION_DOES_NOT_DEPEND_ON_THE_API =
      noClasses()
          .that(inLayer("application"))
          .should()
          .dependOnClassesThat(inLayer("api"))
          .because(
              "use cases serve every way in (REST resources, event consumers, scheduled work): they"
                  + " take and return domain objects and request records, and the api layer maps"
                  + " them to HTTP")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule NOTHING_OUTSIDE_THE_API_DEPENDS_ON_IT =
      noClasses()
          .that(not(inLayer("api")).as("reside outside a service's api layer"))
          .should()
          .dependOnClassesThat(inLayer("api"))
          .because(
              "the api layer (JAX-RS resources and their view mapping) is the outermost layer: only"
                  + " the runtime calls into it");

  @ArchTest
  public static final ArchRule RESOURCES_ARE_FREE_OF_TRANSACTIONS =
      classes()
          .that(inLayer("api"))
          .should(notBeTransactional())
          .because(
              "a transaction is a use case's boundary: it is opened by the application class that"
                  + " does the work (so REST calls, event consumers and scheduled work share it),"
                  + " and never spans the HTTP mapping of a resource")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule EVENT_CONSUMERS_LIVE_IN_THE_APPLICATION_LAYER =
      methods()
          .that(observeReceivedEvents())
          .should()
          .beDeclaredInClassesThat(inLayer("application"))
          .because(
              "an integration event from another service is a way into a use case like a REST"
                  + " call: its @Observes @Received consumer runs in the inbox transaction and"
                  + " belongs with the use cases of the application layer")
          .allowEmptyShould(true);

  @ArchTest
  public static final ArchRule NO_STANDARD_STREAMS =
      GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.because(
          "the servers' logs are written through java.util.logging, with levels, the logger's name"
              + " and Liberty's formatting; System.out, System.err and printStackTrace() bypass all"
              + " of that");

  @ArchTest
  public static final ArchRule DOMAIN_IS_FREE_OF_CDI_AND_JAX_RS =
      noClasses()
          .that(inLayer("domain"))
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ws.rs..", "jakarta.inject..", "jakarta.enterprise..")
          .because(
              "domain classes are plain objects (JPA entities at most) that are built with new and"
                  + " tested without a container; injection and HTTP belong to the application and"
                  + " api layers")
          .allowEmptyShould(true);

  /**
   * The service a class belongs to: the package segment after io.opencommerce, but kit/contracts.
   */
  static Optional<String> serviceOf(JavaClass type) {
    String name = type.getBaseComponentType().getPackageName();
    if (!name.startsWith(ROOT)) {
      return Optional.empty();
    }
    String service = segment(name, 2);
    return service == null || SHARED.contains(service) ? Optional.empty() : Optional.of(service);
  }

  /** The package segment after io.opencommerce.&lt;service&gt;: the layer, client, or the like. */
  static Optional<String> partOf(JavaClass type) {
    return serviceOf(type).map(service -> segment(type.getBaseComponentType().getPackageName(), 3));
  }

  private static String segment(String packageName, int index) {
    String[] segments = packageName.split("\\.");
    return segments.length > index ? segments[index] : null;
  }

  static DescribedPredicate<JavaClass> inLayer(String layer) {
    return DescribedPredicate.describe(
        "reside in a service's " + layer + " layer (io.opencommerce.<service>." + layer + "..)",
        type -> partOf(type).filter(layer::equals).isPresent());
  }

  private static DescribedPredicate<JavaClass> belongToAService() {
    return DescribedPredicate.describe(
        "belong to a service (io.opencommerce.<service>.., but its client)",
        type -> serviceOf(type).isPresent() && !partOf(type).filter(CLIENT::equals).isPresent());
  }

  private static ArchCondition<JavaClass> dependOnNoOtherServiceButItsClient() {
    return new ArchCondition<>(
        "depend on no other service but its client (io.opencommerce.<other>.client..)") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = serviceOf(origin).orElseThrow();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          Optional<String> other = serviceOf(target).filter(service -> !service.equals(own));
          if (other.isPresent() && !partOf(target).filter(CLIENT::equals).isPresent()) {
            events.add(
                SimpleConditionEvent.violated(
                    dependency,
                    dependency.getDescription()
                        + " (service "
                        + other.get()
                        + ", not its client)"));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> notBeTransactional() {
    return new ArchCondition<>("not be @Transactional, neither the class nor its methods") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        if (type.isMetaAnnotatedWith(TRANSACTIONAL)) {
          events.add(
              SimpleConditionEvent.violated(
                  type,
                  type.getDescription() + " is @Transactional in " + type.getSourceCodeLocation()));
        }
        for (JavaCodeUnit unit : type.getCodeUnits()) {
          if (unit.isMetaAnnotatedWith(TRANSACTIONAL)) {
            events.add(
                SimpleConditionEvent.violated(
                    unit,
                    unit.getDescription()
                        + " is @Transactional in "
                        + unit.getSourceCodeLocation()));
          }
        }
      }
    };
  }

  /**
   * The service's persistence unit shares no entity cache: with several replicas on one database,
   * EclipseLink's shared cache (on by default) would serve a row as this replica last saw it — a
   * price, a role, a token version, an order's status another replica has changed since. Reads that
   * must be fast have their own caches, shared by the replicas and invalidated by the writer
   * (Redis: the catalogue, baskets, revocations).
   */
  @ArchTest
  static void entitiesAreNotCachedAcrossReplicas(JavaClasses classes) throws IOException {
    URL unit = Thread.currentThread().getContextClassLoader().getResource(PERSISTENCE_XML);
    if (unit == null) {
      return; // no entities
    }
    String xml;
    try (InputStream in = unit.openStream()) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!xml.contains(NO_SHARED_CACHE)) {
      throw new AssertionError(
          unit
              + " must say "
              + NO_SHARED_CACHE
              + ": replicas of a service share its database, not their entity caches");
    }
  }

  private static DescribedPredicate<JavaMethod> observeReceivedEvents() {
    return DescribedPredicate.describe(
        "observe @Received events (a parameter annotated @Observes @Received)",
        method ->
            method.getParameters().stream()
                .anyMatch(
                    parameter ->
                        parameter.isAnnotatedWith(RECEIVED)
                            && OBSERVES.stream().anyMatch(parameter::isAnnotatedWith)));
  }
}
