package dev.sheepdog.domain.model.caller;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * What a request shows of its caller, as the inbound adapter read it off the connection.
 *
 * @param bearer  the bearer token, when one was sent
 * @param address the caller's address: the connection's, or a trusted proxy's forwarded one
 * @param local   whether the request came straight from the gateway's own machine through no proxy
 */
public record Credentials(Optional<String> bearer, String address, boolean local) {

    public Credentials {
        requireNonNull(bearer, "bearer");
        requireNonNull(address, "address");
    }
}
