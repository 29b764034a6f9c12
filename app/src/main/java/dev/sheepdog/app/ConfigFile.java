package dev.sheepdog.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sheepdog.domain.model.CanaryPolicy;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.Price;
import dev.sheepdog.domain.model.RoutingPlan;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads {@code sheepdog.yaml} into the endpoints and routing it describes, or says exactly what is wrong with it. */
final class ConfigFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private ConfigFile() {
    }

    /**
     * @param environment where the variables named by {@code keys_from_env} are read
     * @param deadlines   the deadlines of an endpoint that sets none
     */
    static FileConfig read(Path path, Map<String, String> environment, StreamDeadlines deadlines) {
        ConfigFileModel.File file = parse(path);
        if (file == null || file.endpoints() == null || file.endpoints().isEmpty()) {
            throw new ConfigFileException(path + ": no endpoints; list at least a primary under 'endpoints:'.");
        }
        List<Endpoint> endpoints = new ArrayList<>();
        Map<EndpointId, EndpointRole> roles = new LinkedHashMap<>();
        Map<EndpointId, List<String>> seeds = new LinkedHashMap<>();
        Map<EndpointId, Double> shadowFractions = new LinkedHashMap<>();
        double canaryWeight = 0;
        for (int i = 0; i < file.endpoints().size(); i++) {
            EndpointEntryReader entry = new EndpointEntryReader(path, i, file.endpoints().get(i), deadlines);
            Endpoint endpoint = entry.endpoint();
            EndpointRole role = entry.role();
            if (roles.containsKey(endpoint.id())) {
                throw new ConfigFileException(path + ": two endpoints are called '" + endpoint.id() + "'.");
            }
            endpoints.add(endpoint);
            roles.put(endpoint.id(), role);
            seeds.put(endpoint.id(), entry.keys(environment));
            if (role == EndpointRole.CANARY) {
                canaryWeight = entry.weight();
            }
            if (role == EndpointRole.SHADOW) {
                shadowFractions.put(endpoint.id(), entry.shadowFraction());
            }
        }
        requireOne(path, roles, EndpointRole.PRIMARY, true);
        requireOne(path, roles, EndpointRole.CANARY, false);
        int maxShadows = Optional.ofNullable(file.shadow()).map(ConfigFileModel.ShadowEntry::maxConcurrent).orElse(16);
        return new FileConfig(endpoints, seeds, new RoutingPlan(roles, canaryWeight, shadowFractions, maxShadows),
                canary(path, file.canary()), prices(path, file.prices()),
                AccessEntryReader.read(path, file.access(), environment));
    }

    private static Map<String, Price> prices(Path path, Map<String, ConfigFileModel.PriceEntry> entries) {
        Map<String, Price> prices = new LinkedHashMap<>();
        if (entries != null) {
            entries.forEach((model, entry) -> {
                if (entry == null || entry.input() == null || entry.output() == null) {
                    throw new ConfigFileException(path + ": prices." + model + " needs both input and output "
                            + "(US dollars per million tokens), e.g. {input: 0.28, output: 0.42}, and may give cache_read and "
                            + "cache_write rates.");
                }
                try {
                    prices.put(model, new Price(entry.input(), entry.output(),
                            Objects.requireNonNullElse(entry.cacheRead(), entry.input()),
                            Objects.requireNonNullElse(entry.cacheWrite(), entry.input())));
                } catch (IllegalArgumentException e) {
                    throw new ConfigFileException(path + ": prices." + model + ": " + e.getMessage() + ".");
                }
            });
        }
        return prices;
    }

    private static ConfigFileModel.File parse(Path path) {
        try {
            return YAML.readValue(Files.readAllBytes(path), ConfigFileModel.File.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            // The YAML parser's message quotes the line with a caret under it: keep only its own sentences.
            String problem = e.getOriginalMessage().lines().filter(line -> !line.isBlank() && !Character.isWhitespace(
                    line.charAt(0))).collect(Collectors.joining("; "));
            throw new ConfigFileException(path + where + ": " + problem);
        } catch (IOException e) {
            throw new ConfigFileException("Cannot read the configuration file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void requireOne(Path path, Map<EndpointId, EndpointRole> roles, EndpointRole role, boolean needed) {
        long count = roles.values().stream().filter(value -> value == role).count();
        String name = role.name().toLowerCase(Locale.ROOT);
        if (count > 1 || (needed && count == 0)) {
            throw new ConfigFileException(path + ": " + (needed ? "exactly" : "at most") + " one endpoint can have "
                    + "role " + name + "; found " + count + ".");
        }
    }

    private static CanaryPolicy canary(Path path, ConfigFileModel.CanaryEntry entry) {
        if (entry == null) {
            return CanaryPolicy.DEFAULT;
        }
        CanaryPolicy d = CanaryPolicy.DEFAULT;
        try {
            return new CanaryPolicy(
                    duration(entry.interval()).orElse(d.interval()), duration(entry.window()).orElse(d.window()),
                    or(entry.minSamples(), d.minSamples()), or(entry.step(), d.step()),
                    or(entry.p95Tolerance(), d.p95Tolerance()), duration(entry.p95Slo()),
                    or(entry.rollbackFactor(), d.rollbackFactor()), or(entry.errorMargin(), d.errorMargin()),
                    or(entry.rollbackErrorMargin(), d.rollbackErrorMargin()),
                    or(entry.healthyToStep(), d.healthyToStep()), or(entry.worseToRollBack(), d.worseToRollBack()));
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(path + ": canary: " + e.getMessage());
        }
    }

    static Optional<java.time.Duration> duration(String text) {
        return Optional.ofNullable(text).map(DurationConverter::parse);
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
