package dev.sheepdog.app;

import static dev.sheepdog.app.ConfigFile.duration;
import static dev.sheepdog.app.ConfigFile.or;

import dev.sheepdog.domain.model.CircuitPolicy;
import dev.sheepdog.domain.model.Endpoint;
import dev.sheepdog.domain.model.EndpointId;
import dev.sheepdog.domain.model.EndpointRole;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads one entry of {@code endpoints:}, naming the entry and the field in every complaint. */
final class EndpointEntryReader {

    private static final Set<String> DEADLINES = Set.of("connect", "first_token", "idle", "total");
    private static final double DEFAULT_CANARY_WEIGHT = 0.1;
    private static final double DEFAULT_SHADOW_FRACTION = 0.1;

    private final Path path;
    private final int index;
    private final ConfigFileModel.EndpointEntry entry;
    private final StreamDeadlines defaults;

    EndpointEntryReader(Path path, int index, ConfigFileModel.EndpointEntry entry, StreamDeadlines defaults) {
        this.path = path;
        this.index = index;
        this.entry = entry;
        this.defaults = defaults;
    }

    Endpoint endpoint() {
        String provider = or(entry.provider(), "openai");
        if (provider.isBlank()) {
            throw complaint("provider", "is empty; name a provider adapter, e.g. openai (any OpenAI-compatible API) "
                    + "or simulator");
        }
        EndpointId id = attempt("id", () -> new EndpointId(Objects.requireNonNull(entry.id(), "missing")));
        URI baseUrl = provider.equals("simulator") ? URI.create(or(entry.baseUrl(), "sim://local")) : baseUrl();
        return attempt("deadlines", () -> new Endpoint(id, provider, baseUrl,
                new HashSet<>(or(entry.models(), List.of())), deadlines(), circuit()));
    }

    EndpointRole role() {
        String role = entry.role();
        try {
            return EndpointRole.valueOf(Objects.requireNonNull(role).toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw complaint("role", "is " + (role == null ? "missing" : "'" + role + "'")
                    + "; write primary, canary, shadow or standby");
        }
    }

    double weight() {
        return fraction("weight", entry.weight(), DEFAULT_CANARY_WEIGHT);
    }

    double shadowFraction() {
        return fraction("shadow_fraction", entry.shadowFraction(), DEFAULT_SHADOW_FRACTION);
    }

    /** The keys found in the variables the entry names; by default HolySheep's for the primary and the canary. */
    List<String> keys(Map<String, String> environment) {
        List<String> variables = entry.keysFromEnv() != null ? entry.keysFromEnv() : switch (role()) {
            case PRIMARY -> List.of("HOLYSHEEP_API_KEY", "HOLYSHEEP_KEY_PRIMARY");
            case CANARY -> List.of("HOLYSHEEP_KEY_CANARY");
            default -> List.of();
        };
        return variables.stream().map(environment::get).filter(Objects::nonNull).map(String::strip)
                .filter(key -> !key.isEmpty()).distinct().toList();
    }

    private URI baseUrl() {
        URI url = attempt("base_url", () -> URI.create(Objects.requireNonNull(entry.baseUrl(), "missing")));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw complaint("base_url", "must be an http or https URL such as https://api.holysheep.ai/v1");
        }
        return url;
    }

    private StreamDeadlines deadlines() {
        Map<String, String> given = or(entry.deadlines(), Map.of());
        given.keySet().stream().filter(name -> !DEADLINES.contains(name)).findFirst().ifPresent(name -> {
            throw complaint("deadlines", "has no '" + name + "'; the deadlines are connect, first_token, idle, total");
        });
        return new StreamDeadlines(duration(given.get("connect")).orElse(defaults.connect()),
                duration(given.get("first_token")).orElse(defaults.firstToken()),
                duration(given.get("idle")).orElse(defaults.idle()), duration(given.get("total")).orElse(defaults.total()));
    }

    private CircuitPolicy circuit() {
        ConfigFileModel.CircuitEntry circuit = entry.circuitBreaker();
        if (circuit == null) {
            return CircuitPolicy.DEFAULT;
        }
        CircuitPolicy d = CircuitPolicy.DEFAULT;
        return attempt("circuit_breaker", () -> new CircuitPolicy(or(circuit.failureRatePercent(), d.failureRatePercent()),
                or(circuit.window(), d.windowSize()), or(circuit.minimumCalls(), d.minimumCalls()),
                duration(circuit.openFor()).orElse(d.openFor()), or(circuit.trialCalls(), d.trialCalls())));
    }

    private double fraction(String field, Double value, double fallback) {
        double fraction = Optional.ofNullable(value).orElse(fallback);
        if (fraction < 0 || fraction > 1) {
            throw complaint(field, "is " + fraction + "; it must be between 0 and 1");
        }
        return fraction;
    }

    private <T> T attempt(String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw complaint(field, e.getMessage() == null ? "is not valid" : e.getMessage());
        }
    }

    private ConfigFileException complaint(String field, String problem) {
        return new ConfigFileException(path + ": endpoints[" + index + "]." + field + " " + problem + ".");
    }
}
