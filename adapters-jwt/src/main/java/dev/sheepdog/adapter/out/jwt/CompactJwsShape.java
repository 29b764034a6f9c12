package dev.sheepdog.adapter.out.jwt;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;

/** Whether a bearer looks like a compact JWS: three base64url parts, the first a JSON object. Cheap; verifies nothing. */
final class CompactJwsShape {

    private CompactJwsShape() {
    }

    static boolean matches(String bearer) {
        int first = bearer.indexOf('.');
        int second = first < 0 ? -1 : bearer.indexOf('.', first + 1);
        if (first <= 0 || second < 0 || bearer.indexOf('.', second + 1) >= 0) {
            return false;
        }
        // The signature may be empty, so an unsecured (alg none) token is recognized and then refused.
        if (!isBase64Url(bearer, 0, bearer.length())) {
            return false;
        }
        try {
            JSONObjectUtils.parse(new Base64URL(bearer.substring(0, first)).decodeToString());
            return true;
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isBase64Url(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
