package dev.sheepdog.domain.port.out;

import java.time.Duration;
import java.util.Optional;

/**
 * The counters behind each account's rate and concurrency limits. Every check that also takes
 * something (a request, a stream slot) does both in one atomic step, so that concurrent requests
 * can never all pass a limit that only some of them fit under. A fleet shares one backend.
 */
public interface LimitCounters {

    /**
     * Takes one request from the account's allowance of {@code perMinute}. Empty when it was taken;
     * otherwise how long until one is free, and nothing was taken.
     */
    Optional<Duration> takeRequest(String account, int perMinute);

    /**
     * Whether the account has any of its {@code perMinute} tokens left. Empty when it has; otherwise
     * how long until it has again. Tokens are only known when a stream ends, so this takes none.
     */
    Optional<Duration> checkTokens(String account, long perMinute);

    /** Counts the tokens of a stream that ended against the account's allowance; it may go below zero. */
    void countTokens(String account, long perMinute, long tokens);

    /** Opens one of at most {@code max} concurrent streams; false, and nothing taken, when all are open. */
    boolean openStream(String account, int max);

    /** Gives back a slot that {@link #openStream} took. */
    void closeStream(String account);

    /** How many streams the account has open now. */
    int openStreams(String account);

    /** How many of its {@code perMinute} requests the account may still start now. */
    long requestsLeft(String account, int perMinute);

    /** How many of its {@code perMinute} tokens the account has left now (below zero when overdrawn). */
    long tokensLeft(String account, long perMinute);
}
