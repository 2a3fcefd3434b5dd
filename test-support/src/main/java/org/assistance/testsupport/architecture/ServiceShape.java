package org.assistance.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one shape every service has, as rules a build can check. Each service holds them with
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.assistance.&lt;svc&gt;", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ServiceShapeTest {
 *     &#64;ArchTest
 *     static final ArchTests shape = ArchTests.in(ServiceShape.class);
 * }
 * </pre>
 * Types are named by their class names, not class literals: test-support does not depend on
 * Panache, Reactive Messaging or the chassis, and each service brings what it uses.
 */
public final class ServiceShape {

    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String TRANSACTIONAL = "jakarta.transaction.Transactional";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";
    private static final String CONFIG_PROPERTY = "org.eclipse.microprofile.config.inject.ConfigProperty";
    private static final String CALLER = "org.assistance.chassis.security.Caller";
    private static final String SECURITY_PACKAGE = "org.assistance.chassis.security..";

    /** What a service's own configuration keys start with. */
    private static final String OWN_KEYS = "assistance.";

    /** A REST resource: a class with a JAX-RS {@code @Path}. */
    private static final DescribedPredicate<JavaClass> RESOURCES =
            DescribedPredicate.describe("are REST resources (annotated with @Path)", c -> c.isAnnotatedWith(PATH));

    // a) ------------------------------------------------------------------------------------

    /** a) Feature packages depend on each other in one direction only. */
    @ArchTest
    public static final ArchRule FEATURE_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("org.assistance.*.(*)..")
            .namingSlices("feature package '$1'")
            .should()
            .beFreeOfCycles()
            .because("a feature package (org.assistance.<service>.<feature>) is read and changed on its own only "
                    + "when its dependencies go one way. Where two features need each other, move the class that "
                    + "belongs to the other feature there, or let the lower feature announce what happened (a CDI "
                    + "event or a small interface it declares and the higher feature implements)");

    // b) ------------------------------------------------------------------------------------

    /** b) A resource opens no transaction: the domain service it calls does. */
    @ArchTest
    public static final ArchRule RESOURCES_OPEN_NO_TRANSACTIONS = noClasses()
            .that(RESOURCES)
            .should()
            .beAnnotatedWith(TRANSACTIONAL)
            .because("a REST resource translates HTTP to a call of the domain and back; the transaction belongs to "
                    + "the domain service method that writes (e.g. Catalogue, ExportRules), so the same rule holds "
                    + "when a consumer or a scheduler calls it. Move @Transactional to that method")
            .allowEmptyShould(true);

    /** b) No resource method is @Transactional. */
    @ArchTest
    public static final ArchRule RESOURCE_METHODS_OPEN_NO_TRANSACTIONS = noMethods()
            .that()
            .areDeclaredInClassesThat(RESOURCES)
            .should()
            .beAnnotatedWith(TRANSACTIONAL)
            .because("a REST resource translates HTTP to a call of the domain and back; the transaction belongs to "
                    + "the domain service method that writes (e.g. Catalogue, ExportRules), so the same rule holds "
                    + "when a consumer or a scheduler calls it. Move @Transactional and the writes to that method")
            .allowEmptyShould(true);

    private static final Pattern WRITING_METHOD =
            Pattern.compile("(persist|delete|update|flush|merge|remove|executeUpdate|lock)\\w*");
    private static final List<String> PERSISTENCE_TYPES = List.of(
            "io.quarkus.hibernate.orm.panache.PanacheEntityBase",
            "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase",
            "io.quarkus.hibernate.orm.panache.PanacheQuery",
            "jakarta.persistence.EntityManager",
            "jakarta.persistence.Query",
            "org.hibernate.Session");

    private static final DescribedPredicate<JavaMethodCall> WRITES = DescribedPredicate.describe(
            "persist/delete/update/flush/merge/remove/lock a Panache entity, repository, EntityManager or Query",
            call -> WRITING_METHOD.matcher(call.getName()).matches()
                    && PERSISTENCE_TYPES.stream()
                            .anyMatch(type -> call.getTargetOwner().isAssignableTo(type)));

    /** b) A resource writes nothing itself. */
    @ArchTest
    public static final ArchRule RESOURCES_DO_NOT_WRITE = noClasses()
            .that(RESOURCES)
            .should()
            .callMethodWhere(WRITES)
            .because("writes are domain rules and live in the feature's domain service (e.g. Catalogue, "
                    + "ExportRules, AssistanceRequests), in one transaction with the event they cause; the resource "
                    + "only calls that service and maps its answer to HTTP")
            .allowEmptyShould(true);

    /** b) A resource publishes no event itself. */
    @ArchTest
    public static final ArchRule RESOURCES_DO_NOT_PUBLISH_EVENTS = noClasses()
            .that(RESOURCES)
            .should()
            .dependOnClassesThat()
            .haveNameMatching("org\\.assistance\\.chassis\\.outbox\\.(Outbox|EventPublisher)")
            .because("an event is recorded in the outbox in the same transaction as the change it announces; that "
                    + "happens in the domain service that makes the change, never in a REST resource")
            .allowEmptyShould(true);

    // c) ------------------------------------------------------------------------------------

    private static final DescribedPredicate<JavaClass> CONSUMERS = DescribedPredicate.describe(
            "read a Kafka channel (have an @Incoming method)",
            c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(INCOMING)));

    /**
     * The consumer's class name for a channel: {@code assistance-reviews} → {@code ReviewEventsConsumer},
     * {@code assistance-catalogue} → {@code CatalogueEventsConsumer}.
     */
    public static String consumerNameFor(String channel) {
        String topic = channel.substring(channel.lastIndexOf('-') + 1);
        String singular = topic.endsWith("s") ? topic.substring(0, topic.length() - 1) : topic;
        return singular.substring(0, 1).toUpperCase(Locale.ROOT) + singular.substring(1) + "EventsConsumer";
    }

    private static final ArchCondition<JavaClass> READ_ONE_TOPIC_IN_CONSUME =
            new ArchCondition<>(
                    "be named after the topic they read + 'EventsConsumer' and read it in one @Incoming method named "
                            + "'consume'") {
                @Override
                public void check(JavaClass consumer, ConditionEvents events) {
                    List<JavaMethod> incoming = consumer.getMethods().stream()
                            .filter(m -> m.isAnnotatedWith(INCOMING))
                            .toList();
                    if (incoming.size() != 1) {
                        events.add(SimpleConditionEvent.violated(
                                consumer,
                                consumer.getName() + " has " + incoming.size()
                                        + " @Incoming methods "
                                        + incoming.stream()
                                                .map(JavaMethod::getName)
                                                .toList()
                                        + ": give each topic its own <Topic>EventsConsumer class"));
                        return;
                    }
                    JavaMethod method = incoming.get(0);
                    if (!method.getName().equals("consume")) {
                        events.add(SimpleConditionEvent.violated(
                                consumer, method.getFullName() + " reads a channel but is not named 'consume'"));
                    }
                    Optional<Object> channel =
                            method.getAnnotationOfType(INCOMING).get("value");
                    String expected = channel.map(String.class::cast)
                            .map(ServiceShape::consumerNameFor)
                            .orElse("?");
                    if (!consumer.getSimpleName().equals(expected)) {
                        events.add(SimpleConditionEvent.violated(
                                consumer,
                                consumer.getName() + " reads channel '" + channel.orElse("?")
                                        + "' and so must be named " + expected));
                    }
                }
            };

    /** c) Consumers are named after the topic they read and read it in {@code consume}. */
    @ArchTest
    public static final ArchRule CONSUMERS_ARE_NAMED_AFTER_THEIR_TOPIC = classes()
            .that(CONSUMERS)
            .should(READ_ONE_TOPIC_IN_CONSUME)
            .because("whoever looks for what happens when an event of topic assistance.reviews arrives finds "
                    + "ReviewEventsConsumer#consume in every service (assistance-requests -> RequestEventsConsumer, "
                    + "assistance-shipments -> ShipmentEventsConsumer, assistance-catalogue -> "
                    + "CatalogueEventsConsumer); the consumer only hands each event to the domain")
            .allowEmptyShould(true);

    // d) ------------------------------------------------------------------------------------

    /** d) Only the chassis' Caller reads the identity. */
    @ArchTest
    public static final ArchRule ONLY_CALLER_READS_THE_IDENTITY = noClasses()
            .that()
            .resideOutsideOfPackage(SECURITY_PACKAGE)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.eclipse.microprofile.jwt..")
            .orShould()
            .dependOnClassesThat()
            .haveNameMatching("io\\.quarkus\\.security\\.identity\\.(SecurityIdentity|CurrentIdentityAssociation)"
                    + "|jakarta\\.ws\\.rs\\.core\\.SecurityContext")
            .because("who calls and for which tenant (agency or donor) is read from the verified token in one "
                    + "place, org.assistance.chassis.security.Caller: inject Caller, use caller.subject() for the "
                    + "actor, caller.requireAgency() for what a partner writes and caller.scope() for what a "
                    + "caller may read");

    private static final Set<String> HAND_MADE_TENANT_CHECKS = Set.of("is", "isStaff", "agency", "donor");

    /** d) Tenant checks go through {@code Caller.scope()}, not through roles tested by hand. */
    @ArchTest
    public static final ArchRule TENANT_CHECKS_GO_THROUGH_CALLER_SCOPE = noClasses()
            .that()
            .resideOutsideOfPackage(SECURITY_PACKAGE)
            .should()
            .callMethodWhere(DescribedPredicate.describe(
                    "call Caller." + HAND_MADE_TENANT_CHECKS.stream().sorted().toList(),
                    call -> call.getTargetOwner().getName().equals(CALLER)
                            && HAND_MADE_TENANT_CHECKS.contains(call.getName())))
            .because("which tenant's records a caller may read is decided once, in Caller.scope(): pass the "
                    + "TenantScope it answers to the domain query (scope.agency() / scope.donor() are null for "
                    + "staff, who read every tenant's; scope.includesAgency(id) for one record); which roles may "
                    + "call an operation at all is @RolesAllowed's job");

    // e) ------------------------------------------------------------------------------------

    private static final ArchCondition<JavaClass> READ_OWN_KEYS_THROUGH_CONFIG_MAPPING =
            new ArchCondition<>("read the project's own keys (" + OWN_KEYS + "*) through @ConfigMapping interfaces") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    for (JavaField field : javaClass.getFields()) {
                        ownKey(field.tryGetAnnotationOfType(CONFIG_PROPERTY))
                                .ifPresent(key -> events.add(SimpleConditionEvent.violated(
                                        field, field.getFullName() + " reads " + key + " with @ConfigProperty")));
                    }
                    for (JavaCodeUnit unit : javaClass.getCodeUnits()) {
                        for (JavaParameter parameter : unit.getParameters()) {
                            ownKey(parameter.tryGetAnnotationOfType(CONFIG_PROPERTY))
                                    .ifPresent(key -> events.add(SimpleConditionEvent.violated(
                                            parameter,
                                            unit.getFullName() + " reads " + key + " with @ConfigProperty")));
                        }
                    }
                }

                private Optional<String> ownKey(Optional<? extends JavaAnnotation<?>> configProperty) {
                    return configProperty
                            .flatMap(a -> a.get("name"))
                            .map(String.class::cast)
                            .filter(key -> key.startsWith(OWN_KEYS));
                }
            };

    /** e) The project's own configuration is a typed @ConfigMapping. */
    @ArchTest
    public static final ArchRule OWN_CONFIGURATION_THROUGH_CONFIG_MAPPING = classes()
            .should(READ_OWN_KEYS_THROUGH_CONFIG_MAPPING)
            .because("a service's own settings (assistance.*) are declared once, typed, with their defaults and "
                    + "validated at start, in a @ConfigMapping(prefix = \"assistance.<area>\") interface beside the "
                    + "feature that uses them (e.g. FourEyesPolicy, FeedSettings); inject that interface instead "
                    + "of @ConfigProperty. Keys of Quarkus itself (quarkus.*) may stay @ConfigProperty");

    // f) ------------------------------------------------------------------------------------

    private static final ArchCondition<JavaClass> DECLARE_NO_NESTED_CLASSES =
            new ArchCondition<>("not be declared inside a REST resource (@Path class)") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
                    if ((javaClass.isMemberClass() || javaClass.isLocalClass())
                            && enclosing.isPresent()
                            && enclosing.get().isAnnotatedWith(PATH)) {
                        events.add(SimpleConditionEvent.violated(
                                javaClass,
                                javaClass.getName() + " is declared inside the " + "REST resource "
                                        + enclosing.get().getSimpleName()));
                    }
                }
            };

    /** f) Request and response shapes are top-level records, not classes nested in resources. */
    @ArchTest
    public static final ArchRule RESOURCES_DECLARE_NO_NESTED_CLASSES = classes()
            .should(DECLARE_NO_NESTED_CLASSES)
            .because("request and response shapes (DTOs) are found the same way in every service: each is a "
                    + "top-level record in the resource's feature package, named for what it is (RequestDraft, "
                    + "RequestView, ShipmentView, Withdrawal), its parts nested in it if they are only its parts. "
                    + "Move the nested type out of the resource into its own file");

    // g) ------------------------------------------------------------------------------------

    /** g) Names say what a class is in the domain's words. */
    @ArchTest
    public static final ArchRule NO_MANAGERS_UTILS_OR_HELPERS = noClasses()
            .should()
            .haveSimpleNameEndingWith("Manager")
            .orShould()
            .haveSimpleNameEndingWith("Util")
            .orShould()
            .haveSimpleNameEndingWith("Utils")
            .orShould()
            .haveSimpleNameEndingWith("Helper")
            .orShould()
            .haveSimpleNameEndingWith("Helpers")
            .because("a class is named in the domain's words for what it is or does (Catalogue, DeliveryLedger, "
                    + "EntityTags), which tells a reader where a rule lives; Manager, Util and Helper say nothing");

    private ServiceShape() {}
}
