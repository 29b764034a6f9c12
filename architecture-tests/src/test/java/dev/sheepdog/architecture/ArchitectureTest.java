package dev.sheepdog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of ARCHITECTURE.md, checked against every module's production classes. Each rule is
 * proven to catch a planted violation in {@link RulesCatchViolationsTest}.
 */
@AnalyzeClasses(packages = "dev.sheepdog", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("dev.sheepdog.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.sheepdog.domain..")
            .because("the domain says what the gateway does in plain Java; frameworks belong to adapters");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("dev.sheepdog.adapter.*.(*)..")
            .should().notDependOnEachOther()
            .because("adapters meet only through the domain's ports, so each can be replaced alone");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_app = noClasses()
            .that().resideInAPackage("dev.sheepdog.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.sheepdog.app..")
            .because("the app is the composition root: it knows the adapters, never the other way round");

    @ArchTest
    static final ArchRule adapters_use_ports_not_services = noClasses()
            .that().resideInAPackage("dev.sheepdog.adapter..")
            .should().dependOnClassesThat().resideInAPackage("dev.sheepdog.domain.service..")
            .because("adapters implement outbound ports and call inbound ports, never a domain service directly");

    @ArchTest
    static final ArchRule ports_are_interfaces = classes()
            .that().resideInAnyPackage("dev.sheepdog.domain.port.in..", "dev.sheepdog.domain.port.out..")
            .should().beInterfaces()
            .because("a port is a contract; its implementations live in services and adapters");

    @ArchTest
    static final ArchRule inbound_ports_are_use_cases = classes()
            .that().resideInAPackage("dev.sheepdog.domain.port.in..")
            .should().haveSimpleNameEndingWith("UseCase")
            .because("an inbound port is one thing a user of the gateway can do");

    @ArchTest
    static final ArchRule web_framework_stays_in_the_http_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.sheepdog.adapter.in.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..")
            .because("Javalin and Jetty are how the HTTP adapter listens, nobody else's concern");

    @ArchTest
    static final ArchRule sql_stays_in_the_database_adapters = noClasses()
            .that().resideOutsideOfPackages("dev.sheepdog.adapter.out.callerstore..", "dev.sheepdog.adapter.out.postgres..",
                    "dev.sheepdog.rows..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..", "java.sql..", "javax.sql..",
                    "org.postgresql..", "com.zaxxer.hikari..")
            .because("SQL and its schema are how the database stores keep their state; the domain sees only its ports");

    @ArchTest
    static final ArchRule token_verification_stays_in_the_jwt_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.sheepdog.adapter.out.jwt..")
            .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..")
            .because("how a user token is verified is one adapter's business; the domain sees a verified user");

    @ArchTest
    static final ArchRule token_buckets_stay_in_the_adapters_that_count = noClasses()
            .that().resideOutsideOfPackages("dev.sheepdog.adapter.out.limits..", "dev.sheepdog.adapter.in.http..")
            .should().dependOnClassesThat().resideInAnyPackage("io.github.bucket4j..")
            .because("the domain counts limits through the LimitCounters port, so a fleet can share them elsewhere");

    @ArchTest
    static final ArchRule dagger_stays_in_the_app = noClasses()
            .that().resideOutsideOfPackage("dev.sheepdog.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("wiring lives in the composition root; adapters and the domain stay annotation-free");

    @ArchTest
    static final ArchRule the_benchmark_stands_alone = noClasses()
            .that().resideInAPackage("dev.sheepdog.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.domain..", "dev.sheepdog.adapter..",
                    "dev.sheepdog.app..")
            .because("a benchmark measures any OpenAI-compatible URL, so it must share no code with what it measures");

    @ArchTest
    static final ArchRule support_code_knows_nothing_of_sheepdog = noClasses()
            .that().resideInAPackage("dev.sheepdog.support..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.domain..", "dev.sheepdog.adapter..",
                    "dev.sheepdog.app..")
            .because("support code is plumbing that adapters share, so it may carry no business rule and no port");

    @ArchTest
    static final ArchRule shared_provider_plumbing_knows_no_provider = noClasses()
            .that().resideInAPackage("dev.sheepdog.providers..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.adapter..", "dev.sheepdog.wire..",
                    "dev.sheepdog.upstream..", "dev.sheepdog.app..")
            .because("the transport, deadlines and circuit breaker serve every provider adapter alike, so they may "
                    + "speak no provider's wire format");

    @ArchTest
    static final ArchRule wire_formats_know_only_the_domains_model = noClasses()
            .that().resideInAPackage("dev.sheepdog.wire..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.domain.service..",
                    "dev.sheepdog.domain.port..", "dev.sheepdog.adapter..", "dev.sheepdog.providers..",
                    "dev.sheepdog.upstream..", "dev.sheepdog.app..")
            .because("a wire format translates between bytes and the domain's model for whichever adapter speaks it; "
                    + "it holds no business rule");

    @ArchTest
    static final ArchRule row_mappings_know_only_the_domains_model = noClasses()
            .that().resideInAPackage("dev.sheepdog.rows..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.domain.service..",
                    "dev.sheepdog.domain.port..", "dev.sheepdog.adapter..", "dev.sheepdog.app..")
            .because("a row mapping translates between SQL rows and the domain's model for whichever database "
                    + "adapter stores it; it holds no business rule");

    @ArchTest
    static final ArchRule the_simulator_speaks_no_wire_format = noClasses()
            .that().resideInAPackage("dev.sheepdog.adapter.out.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sheepdog.wire..", "com.fasterxml.jackson..")
            .because("the simulated model is a provider like the others: it hands the domain neutral events, and "
                    + "only the simulated upstream writes them in OpenAI's format");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.sheepdog.(**)")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, and the hexagon's layers meaningless");
}
