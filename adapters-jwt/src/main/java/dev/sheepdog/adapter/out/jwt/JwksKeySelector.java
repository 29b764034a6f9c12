package dev.sheepdog.adapter.out.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.Key;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the verification key from the login's JWKS (cached, refetched on an unknown kid, rate-limited), refusing in Sheepdog's words. */
final class JwksKeySelector implements JWSKeySelector<SecurityContext> {

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySelector.class);
    /** A JWKS is a few kilobytes; a larger answer is not one. */
    private static final int MAX_JWKS_BYTES = 256 * 1024;
    /** A kid goes into a message the caller reads, so only a plain one is echoed. */
    private static final Pattern PLAIN_KID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final String UNREACHABLE = "The token's key could not be fetched: the JWKS URL cannot be reached.";

    private final URI url;
    private final JWSVerificationKeySelector<SecurityContext> delegate;
    // Whether the last fetch worked; a rate-limited refetch then says what the last real one found.
    private volatile boolean reachable = true;

    JwksKeySelector(JwtSettings settings, Set<JWSAlgorithm> algorithms) {
        this.url = settings.jwksUrl().orElseThrow();
        int timeoutMillis = Math.toIntExact(settings.jwksTimeout().toMillis());
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(url.toURL(),
                            new DefaultResourceRetriever(timeoutMillis, timeoutMillis, MAX_JWKS_BYTES))
                    .cache(settings.jwksCacheTtl().toMillis(), settings.jwksTimeout().toMillis())
                    // no background refresh thread: a fetch happens on a verify, bounded by the timeout
                    .refreshAheadCache(false)
                    .rateLimited(settings.jwksRefreshMinInterval().toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("the JWKS URL is not a URL: " + url, e);
        }
        this.delegate = new JWSVerificationKeySelector<>(algorithms, keys);
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        List<? extends Key> found;
        try {
            found = delegate.selectJWSKeys(header, context);
        } catch (RateLimitReachedException e) {
            throw new Refused(reachable ? noKeyMessage(header) : UNREACHABLE);
        } catch (KeySourceException e) {
            reachable = false;
            LOG.warn("The JWKS URL {} could not be read, so user tokens are refused: {}", url, e.getMessage());
            throw new Refused(UNREACHABLE);
        }
        reachable = true;
        if (found.isEmpty()) {
            throw new Refused(noKeyMessage(header));
        }
        return found;
    }

    private static String noKeyMessage(JWSHeader header) {
        String kid = header.getKeyID();
        if (kid == null) {
            return "The token names no key (kid) and no key at the JWKS URL fits it.";
        }
        if (!PLAIN_KID.matcher(kid).matches()) {
            return "No key with the token's kid was found at the JWKS URL.";
        }
        return "No key with the token's kid '" + kid + "' was found at the JWKS URL.";
    }

    /** A refusal already worded for the caller. */
    static final class Refused extends KeySourceException {
        Refused(String message) {
            super(message);
        }
    }
}
