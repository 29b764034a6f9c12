package dev.sheepdog.adapter.out.postgres;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the fleet's database is and whom to log in as: {@code postgresql://user:password@host:port/database}
 * (libpq's form, percent-encoded), or the same after {@code jdbc:}, or a JDBC URL with {@code user} and
 * {@code password} parameters. The password is kept apart and never shown: {@link #toString()} leaves it out.
 * One parameter is Sheepdog's, not the driver's: {@code pool_size}, how many connections this gateway's pool
 * may hold ({@value #DEFAULT_POOL_SIZE} by default), so that it travels with the URL, in one secret.
 */
public final class DatabaseUrl {

    private static final String FORM = "postgresql://user:password@host:5432/database";
    /** Enough for a gateway whose every call is one short statement; PostgreSQL must allow two more for it. */
    public static final int DEFAULT_POOL_SIZE = 8;
    private static final int MOST_POOL_SIZE = 200;

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String shown;
    private final int poolSize;

    private DatabaseUrl(String jdbcUrl, String user, String password, String shown, int poolSize) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.shown = shown;
        this.poolSize = poolSize;
    }

    /**
     * @throws IllegalArgumentException when it is not such a URL; the message never repeats it, as it may hold a password
     */
    public static DatabaseUrl parse(String url) {
        requireNonNull(url, "url");
        String bare = url.strip().startsWith("jdbc:") ? url.strip().substring("jdbc:".length()) : url.strip();
        URI uri;
        try {
            uri = new URI(bare);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the database URL is not of the form " + FORM
                    + " (percent-encode any of :/@?# in the password)");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())
                || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("the database URL is not of the form " + FORM);
        }
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            user = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
            password = colon < 0 ? null : uri.getUserInfo().substring(colon + 1);
        }
        List<String> parameters = new ArrayList<>();
        int poolSize = DEFAULT_POOL_SIZE;
        for (String parameter : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            String name = parameter.split("=", 2)[0];
            String value = parameter.contains("=") ? decode(parameter.split("=", 2)[1]) : "";
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "pool_size" -> poolSize = poolSize(value);
                default -> parameters.add(parameter);
            }
        }
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("the database URL names no user: " + FORM);
        }
        String address = uri.getRawAuthority().substring(uri.getRawAuthority().lastIndexOf('@') + 1)
                + (uri.getPort() < 0 ? ":5432" : "");
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        return new DatabaseUrl("jdbc:postgresql://" + address + uri.getRawPath() + query, user, password,
                "postgresql://" + user + "@" + address + uri.getRawPath(), poolSize);
    }

    private static int poolSize(String value) {
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= MOST_POOL_SIZE) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("the database URL's pool_size must be a whole number from 1 to "
                + MOST_POOL_SIZE + " (connections this gateway may hold; default " + DEFAULT_POOL_SIZE + ")");
    }

    /** The JDBC URL, without credentials. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    /** How many connections this gateway's pool may hold. */
    int poolSize() {
        return poolSize;
    }

    /** Null when the URL has none. */
    String password() {
        return password;
    }

    /** {@code postgresql://user@host:port/database}: what messages and logs may show. */
    @Override
    public String toString() {
        return shown;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
