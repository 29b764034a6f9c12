package dev.sheepdog.adapter.out.jwt;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Nimbus's claim checks (exact iss, audience, sub and exp, exp and nbf with leeway), refusing in Sheepdog's words. */
final class ExplainedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {

    private static final List<String> ALWAYS_REQUIRED = List.of(JWTClaimNames.SUBJECT, JWTClaimNames.EXPIRATION_TIME);

    private final Clock clock;

    ExplainedClaimsVerifier(JwtSettings settings, Clock clock) {
        super(settings.audiences(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.copyOf(ALWAYS_REQUIRED),
                null);
        setMaxClockSkew((int) settings.leeway().toSeconds());
        this.clock = clock;
    }

    @Override
    protected Date currentTime() {
        return Date.from(clock.instant());
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
        try {
            super.verify(claims, context);
        } catch (ExpiredJWTException e) {
            throw new Refused("The token has expired.");
        } catch (Refused e) {
            throw e;
        } catch (BadJWTException e) {
            throw new Refused(explain(e.getMessage(), claims));
        }
    }

    /** Nimbus says which check failed only in its message; a test per check pins each of these. */
    private String explain(String nimbusMessage, JWTClaimsSet claims) {
        String message = nimbusMessage == null ? "" : nimbusMessage;
        if (message.startsWith("JWT aud claim") || message.startsWith("JWT missing required aud")) {
            return "The token's audience is not accepted.";
        }
        if (message.startsWith("JWT missing required claims")) {
            Set<String> missing = new TreeSet<>(getRequiredClaims());
            missing.removeAll(claims.getClaims().keySet());
            return "The token lacks the required claim" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing.stream().map(name -> "'" + name + "'").toList()) + ".";
        }
        if (message.startsWith("JWT iss claim")) {
            return "The token's issuer is not accepted.";
        }
        if (message.startsWith("JWT before use time")) {
            return "The token is not valid yet (its nbf is in the future).";
        }
        return "The token's claims are not accepted.";
    }

    /** A refusal already worded for the caller. */
    static final class Refused extends BadJWTException {
        Refused(String message) {
            super(message);
        }
    }
}
