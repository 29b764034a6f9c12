package dev.sheepdog.adapter.out.jwt;

import static java.util.Objects.requireNonNull;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.sheepdog.domain.model.caller.TokenRejected;
import dev.sheepdog.domain.model.caller.VerifiedUser;
import dev.sheepdog.domain.port.out.UserTokenVerifier;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Verifies the product login's user tokens (compact JWS) with nimbus-jose-jwt, against a JWKS URL or a shared HS256 secret. */
public final class NimbusUserTokenVerifier implements UserTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(NimbusUserTokenVerifier.class);
    /** Asymmetric only: a JWKS holds public keys, and an HMAC "signed" with one proves nothing. */
    static final Set<JWSAlgorithm> JWKS_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256);
    static final Set<JWSAlgorithm> SECRET_ALGORITHMS = Set.of(JWSAlgorithm.HS256);
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9+._-]{1,32}");

    private final JwtSettings settings;
    private final Set<JWSAlgorithm> algorithms;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public NimbusUserTokenVerifier(JwtSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With the clock that decides whether exp and nbf have passed. */
    public NimbusUserTokenVerifier(JwtSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        requireNonNull(clock, "clock");
        this.algorithms = settings.jwksUrl().isPresent() ? JWKS_ALGORITHMS : SECRET_ALGORITHMS;
        processor.setJWSKeySelector(keySelector(settings, algorithms));
        processor.setJWTClaimsSetVerifier(new ExplainedClaimsVerifier(settings, clock));
        // Logins set typ to JWT, to at+jwt (RFC 9068), or leave it out.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    }

    private static JWSKeySelector<SecurityContext> keySelector(JwtSettings settings, Set<JWSAlgorithm> algorithms) {
        return settings.hs256Secret()
                .<JWSKeySelector<SecurityContext>>map(secret -> new JWSVerificationKeySelector<>(algorithms,
                        new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8))))
                .orElseGet(() -> new JwksKeySelector(settings, algorithms));
    }

    @Override
    public boolean recognizes(String bearer) {
        return bearer != null && CompactJwsShape.matches(bearer);
    }

    @Override
    public VerifiedUser verify(String bearer) throws TokenRejected {
        requireNonNull(bearer, "bearer");
        // Before any parsing: a huge token costs nothing but this check.
        if (bearer.length() > settings.maxTokenBytes()
                || bearer.getBytes(StandardCharsets.UTF_8).length > settings.maxTokenBytes()) {
            throw new TokenRejected("The token is larger than " + settings.maxTokenBytes() + " bytes.");
        }
        SignedJWT signed = signedJwt(bearer);
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!algorithms.contains(algorithm)) {
            throw new TokenRejected("The token's algorithm " + quoted(algorithm.getName()) + " is not accepted.");
        }
        return user(claims(signed));
    }

    private static SignedJWT signedJwt(String bearer) throws TokenRejected {
        JWT jwt;
        try {
            jwt = JWTParser.parse(bearer);
        } catch (ParseException e) {
            throw new TokenRejected("The token is not a well-formed JWT.");
        }
        if (jwt instanceof PlainJWT) {
            throw new TokenRejected("The token's algorithm 'none' is not accepted.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new TokenRejected("Encrypted tokens are not accepted; the token must be a signed JWT.");
        }
        return signed;
    }

    private JWTClaimsSet claims(SignedJWT signed) throws TokenRejected {
        try {
            return processor.process(signed, null);
        } catch (ExplainedClaimsVerifier.Refused | JwksKeySelector.Refused e) {
            throw new TokenRejected(e.getMessage());
        } catch (BadJWSException e) {
            throw new TokenRejected("The token's signature does not verify.");
        } catch (BadJOSEException | JOSEException e) {
            LOG.debug("A user token was refused: {}", e.getMessage());
            throw new TokenRejected("The token is not accepted.");
        }
    }

    private VerifiedUser user(JWTClaimsSet claims) throws TokenRejected {
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new TokenRejected("The token's subject (sub) is empty.");
        }
        Optional<String> plan = claims.getClaim(settings.planClaim()) instanceof String value && !value.isBlank()
                ? Optional.of(value)
                : Optional.empty();
        return new VerifiedUser(subject, plan);
    }

    private static String quoted(String name) {
        return PLAIN_NAME.matcher(name).matches() ? "'" + name + "'" : "(unreadable)";
    }
}
