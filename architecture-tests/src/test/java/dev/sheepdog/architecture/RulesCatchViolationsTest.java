package dev.sheepdog.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.sheepdog.adapter.in.http.PlantedAppUse;
import dev.sheepdog.adapter.in.http.PlantedJwtParsing;
import dev.sheepdog.adapter.in.http.PlantedServiceUse;
import dev.sheepdog.adapter.out.holysheep.PlantedSimulatorUse;
import dev.sheepdog.adapter.out.routestore.PlantedPostgresDriverUse;
import dev.sheepdog.adapter.out.simulator.PlantedChunkJson;
import dev.sheepdog.adapter.out.simulator.PlantedDaggerModule;
import dev.sheepdog.adapter.out.simulator.PlantedJavalinUse;
import dev.sheepdog.adapter.out.simulator.SimulatedCompletionProvider;
import dev.sheepdog.bench.PlantedDomainUse;
import dev.sheepdog.domain.model.PlantedCycleStart;
import dev.sheepdog.domain.port.in.PlantedCompletionPort;
import dev.sheepdog.domain.port.out.PlantedClassPort;
import dev.sheepdog.domain.service.PlantedBucketInDomain;
import dev.sheepdog.domain.service.PlantedCycleEnd;
import dev.sheepdog.domain.service.PlantedJacksonInDomain;
import dev.sheepdog.domain.service.PlantedJdbcLedger;
import dev.sheepdog.providers.PlantedOpenAiFormatUse;
import dev.sheepdog.support.files.PlantedStoredKeyUse;
import dev.sheepdog.wire.openai.PlantedServiceCall;
import org.junit.jupiter.api.Test;

/** A rule is only worth having if it fails on a violation: each one is run against a planted one. */
class RulesCatchViolationsTest {

    @Test
    void domainRuleCatchesADomainClassUsingJackson() {
        assertCaught(ArchitectureTest.domain_depends_only_on_the_jdk, PlantedJacksonInDomain.class);
    }

    @Test
    void adapterIsolationCatchesOneAdapterUsingAnother() {
        assertCaught(ArchitectureTest.adapters_do_not_depend_on_each_other,
                PlantedSimulatorUse.class, SimulatedCompletionProvider.class);
    }

    @Test
    void appRuleCatchesAnAdapterUsingTheCompositionRoot() {
        assertCaught(ArchitectureTest.adapters_do_not_depend_on_the_app, PlantedAppUse.class);
    }

    @Test
    void portRuleCatchesAnAdapterCallingADomainService() {
        assertCaught(ArchitectureTest.adapters_use_ports_not_services, PlantedServiceUse.class);
    }

    @Test
    void portsRuleCatchesAClassInAPortPackage() {
        assertCaught(ArchitectureTest.ports_are_interfaces, PlantedClassPort.class);
    }

    @Test
    void useCaseRuleCatchesAnInboundPortNotNamedAsAUseCase() {
        assertCaught(ArchitectureTest.inbound_ports_are_use_cases, PlantedCompletionPort.class);
    }

    @Test
    void webFrameworkRuleCatchesJavalinOutsideTheHttpAdapter() {
        assertCaught(ArchitectureTest.web_framework_stays_in_the_http_adapter, PlantedJavalinUse.class);
    }

    @Test
    void daggerRuleCatchesAModuleOutsideTheApp() {
        assertCaught(ArchitectureTest.dagger_stays_in_the_app, PlantedDaggerModule.class);
    }

    @Test
    void databaseRuleCatchesJdbcInTheDomain() {
        assertCaught(ArchitectureTest.sql_stays_in_the_database_adapters, PlantedJdbcLedger.class);
    }

    @Test
    void databaseRuleCatchesThePostgresqlDriverInAFileStore() {
        assertCaught(ArchitectureTest.sql_stays_in_the_database_adapters, PlantedPostgresDriverUse.class);
    }

    @Test
    void jwtRuleCatchesTokenParsingInTheHttpAdapter() {
        assertCaught(ArchitectureTest.token_verification_stays_in_the_jwt_adapter, PlantedJwtParsing.class);
    }

    @Test
    void bucketRuleCatchesATokenBucketInTheDomain() {
        assertCaught(ArchitectureTest.token_buckets_stay_in_the_adapters_that_count, PlantedBucketInDomain.class);
    }

    @Test
    void benchmarkRuleCatchesTheBenchmarkUsingTheDomain() {
        assertCaught(ArchitectureTest.the_benchmark_stands_alone, PlantedDomainUse.class);
    }

    @Test
    void supportRuleCatchesSharedPlumbingThatKnowsTheDomain() {
        assertCaught(ArchitectureTest.support_code_knows_nothing_of_sheepdog, PlantedStoredKeyUse.class);
    }

    @Test
    void providerPlumbingRuleCatchesSharedCodeThatSpeaksOpenAi() {
        assertCaught(ArchitectureTest.shared_provider_plumbing_knows_no_provider, PlantedOpenAiFormatUse.class);
    }

    @Test
    void wireFormatRuleCatchesAFormatThatCallsAService() {
        assertCaught(ArchitectureTest.wire_formats_know_only_the_domains_model, PlantedServiceCall.class);
    }

    @Test
    void simulatorRuleCatchesTheSimulatorWritingOpenAiJson() {
        assertCaught(ArchitectureTest.the_simulator_speaks_no_wire_format, PlantedChunkJson.class);
    }

    @Test
    void cycleRuleCatchesTwoPackagesThatNeedEachOther() {
        assertCaught(ArchitectureTest.packages_are_free_of_cycles, PlantedCycleStart.class, PlantedCycleEnd.class);
    }

    private static void assertCaught(ArchRule rule, Class<?> planted, Class<?>... alsoImported) {
        Class<?>[] classes = new Class<?>[alsoImported.length + 1];
        classes[0] = planted;
        System.arraycopy(alsoImported, 0, classes, 1, alsoImported.length);
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(classes));
        assertThat(result.hasViolation()).as("%s catches %s", rule.getDescription(), planted.getSimpleName()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(planted.getSimpleName()));
    }
}
