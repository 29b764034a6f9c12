package dev.sheepdog.app;

import static java.util.Objects.requireNonNull;

import dev.sheepdog.adapter.in.http.HttpSettings;
import dev.sheepdog.adapter.out.simulator.SimulatorSettings;
import dev.sheepdog.domain.model.KeyPolicy;
import dev.sheepdog.domain.model.StreamDeadlines;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code serve} is configured with, from flags and environment variables.
 *
 * @param holySheepKeys the keys of the HolySheep endpoint ({@code HOLYSHEEP_API_KEY}, {@code HOLYSHEEP_KEY_PRIMARY}):
 *                      they win over the stored ones; with none here and none stored for {@code holySheepUrl},
 *                      the gateway answers from the simulator
 * @param holySheepUrl  the OpenAI-compatible base URL the keys belong to
 * @param dataDir       where the key store lives
 * @param masterKey     encrypts the key store at rest when present ({@code SHEEPDOG_MASTER_KEY})
 * @param adminToken    enables {@code /admin} when present ({@code SHEEPDOG_ADMIN_TOKEN})
 * @param file          what a configuration file says (endpoints, routing, prices); without one, a single
 *                      endpoint from the environment (or the simulator)
 * @param access        who may call, from the file's {@code access:} section and the flags
 * @param databaseUrl   the PostgreSQL database a fleet of gateways shares its stores in; without it, the stores
 *                      are this gateway's own, in {@code dataDir}
 */
public record GatewayConfig(
        HttpSettings http,
        SimulatorSettings simulator,
        List<String> holySheepKeys,
        URI holySheepUrl,
        StreamDeadlines deadlines,
        Path dataDir,
        Optional<String> masterKey,
        Optional<String> adminToken,
        KeyPolicy keyPolicy,
        Optional<FileConfig> file,
        AccessConfig access,
        Optional<String> databaseUrl) {

    public static final URI HOLYSHEEP_DEFAULT_URL = URI.create("https://api.holysheep.ai/v1");

    public GatewayConfig {
        requireNonNull(http, "http");
        requireNonNull(simulator, "simulator");
        holySheepKeys = List.copyOf(holySheepKeys);
        requireNonNull(holySheepUrl, "holySheepUrl");
        requireNonNull(deadlines, "deadlines");
        requireNonNull(dataDir, "dataDir");
        requireNonNull(masterKey, "masterKey");
        requireNonNull(adminToken, "adminToken");
        requireNonNull(keyPolicy, "keyPolicy");
        requireNonNull(file, "file");
        requireNonNull(access, "access");
        requireNonNull(databaseUrl, "databaseUrl");
    }

    /** A configuration whose stores are the gateway's own, in its data directory. */
    public GatewayConfig(HttpSettings http, SimulatorSettings simulator, List<String> holySheepKeys, URI holySheepUrl,
                         StreamDeadlines deadlines, Path dataDir, Optional<String> masterKey,
                         Optional<String> adminToken, KeyPolicy keyPolicy, Optional<FileConfig> file,
                         AccessConfig access) {
        this(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey, adminToken, keyPolicy, file,
                access, Optional.empty());
    }

    /** A configuration with the default access: loopback callers only, unless the simulator answers alone. */
    public GatewayConfig(HttpSettings http, SimulatorSettings simulator, List<String> holySheepKeys, URI holySheepUrl,
                         StreamDeadlines deadlines, Path dataDir, Optional<String> masterKey,
                         Optional<String> adminToken, KeyPolicy keyPolicy, Optional<FileConfig> file) {
        this(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey, adminToken, keyPolicy, file,
                file.map(FileConfig::access).orElse(AccessConfig.DEFAULT));
    }

    /** The same configuration with what a configuration file says. */
    public GatewayConfig withFile(FileConfig content) {
        return new GatewayConfig(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey,
                adminToken, keyPolicy, Optional.of(content), content.access(), databaseUrl);
    }

    /** The same configuration with another data directory. */
    public GatewayConfig withDataDir(Path directory) {
        return new GatewayConfig(http, simulator, holySheepKeys, holySheepUrl, deadlines, directory, masterKey,
                adminToken, keyPolicy, file, access, databaseUrl);
    }

    /** The same configuration with another key policy. */
    public GatewayConfig withKeyPolicy(KeyPolicy policy) {
        return new GatewayConfig(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey,
                adminToken, policy, file, access, databaseUrl);
    }

    /** The same configuration, its stores in the PostgreSQL database at {@code url} (fleet mode). */
    public GatewayConfig withDatabaseUrl(String url) {
        return new GatewayConfig(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey,
                adminToken, keyPolicy, file, access, Optional.of(url));
    }

    /** The same configuration with other access rules. */
    public GatewayConfig withAccess(AccessConfig other) {
        return new GatewayConfig(http, simulator, holySheepKeys, holySheepUrl, deadlines, dataDir, masterKey,
                adminToken, keyPolicy, file, other, databaseUrl);
    }

    @Override
    public String toString() {
        return "GatewayConfig[http=" + http + ", holySheepUrl=" + holySheepUrl + ", dataDir=" + dataDir
                + ", keys=" + holySheepKeys.size() + " (hidden), masterKey=" + (masterKey.isPresent() ? "****" : "none")
                + ", adminToken=" + (adminToken.isPresent() ? "****" : "none") + ", file=" + file + ", access=" + access
                + ", database=" + (databaseUrl.isPresent() ? "****" : "none") + "]";
    }
}
