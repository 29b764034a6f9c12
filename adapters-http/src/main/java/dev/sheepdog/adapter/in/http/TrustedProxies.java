package dev.sheepdog.adapter.in.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * The proxies whose forwarded headers are believed. The caller's address is the last address in
 * the forwarded chain that is not one of them: anything left of it could have been written by the
 * caller. A request from any other peer is known by the peer's own address, whatever it claims.
 */
public final class TrustedProxies {

    /** Believes no proxy: every caller is its connection's address. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final InetAddressSet trusted = new InetAddressSet();
    private final boolean any;

    /** @param patterns addresses and CIDR ranges, e.g. {@code 127.0.0.1} or {@code 10.0.0.0/8} */
    public TrustedProxies(List<String> patterns) {
        for (String pattern : patterns) {
            try {
                trusted.add(pattern.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not an address or CIDR range: " + pattern, e);
            }
        }
        this.any = !patterns.isEmpty();
    }

    String clientAddress(String peer, String forwarded, String xForwardedFor) {
        if (!any || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null
                ? List.of(xForwardedFor.split(",")) : List.of();
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i).strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return chain.isEmpty() ? peer : chain.getFirst().strip();
    }

    private boolean isTrusted(String address) {
        try {
            return isLiteral(address) && trusted.test(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static boolean isLoopback(String address) {
        try {
            return address != null && isLiteral(address) && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    // Only address literals: a name in a forwarded header must never make the gateway ask DNS. The JDK
    // takes a dotted quad it cannot parse (999.1.1.1) for a name and looks it up, so octets are checked here.
    private static boolean isLiteral(String address) {
        if (address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Arrays.stream(address.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        // With a colon the JDK parses an IPv6 literal or refuses it: it never asks DNS.
        return address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
    }

    // RFC 7239: Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            for (String pair : element.split(";")) {
                String[] nameValue = pair.strip().split("=", 2);
                if (nameValue.length == 2 && nameValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                    hops.add(hostOf(nameValue[1].strip().replace("\"", "")));
                }
            }
        }
        return hops;
    }

    private static String hostOf(String node) {
        if (node.startsWith("[")) {
            int end = node.indexOf(']');
            return end > 0 ? node.substring(1, end) : node;
        }
        int colon = node.indexOf(':');
        return colon > 0 && node.indexOf(':', colon + 1) < 0 ? node.substring(0, colon) : node;
    }
}
