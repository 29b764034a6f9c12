package dev.sheepdog.adapter.out.postgres;

/**
 * The SQL of the concurrent-stream slots in {@code limit_stream} (one count per account, the row a
 * check-and-take locks) and {@code limit_stream_holder} (how many of them each gateway holds). Each
 * change to both is one statement, so the count always equals the sum of its holders, and a slot freed
 * from a dead gateway is never freed again by that gateway's late close.
 */
final class SlotStatements {

    /** Opens a stream when fewer than the maximum are open and records this gateway as its holder; a row back means opened. */
    static final String OPEN = "WITH opened AS ("
            + " INSERT INTO limit_stream AS s (account, open) VALUES (?, 1)"
            + " ON CONFLICT (account) DO UPDATE SET open = s.open + 1 WHERE s.open < ? RETURNING account)"
            + " INSERT INTO limit_stream_holder AS h (account, instance, open) SELECT account, ?, 1 FROM opened"
            + " ON CONFLICT (account, instance) DO UPDATE SET open = h.open + 1 RETURNING open";

    /** Gives back a slot this gateway holds; nothing when it holds none (they were freed as a dead gateway's). */
    static final String CLOSE = "WITH held AS ("
            + " UPDATE limit_stream_holder SET open = open - 1 WHERE account = ? AND instance = ? AND open > 0"
            + " RETURNING account)"
            + " UPDATE limit_stream s SET open = s.open - 1 FROM held WHERE s.account = held.account AND s.open > 0";

    static final String COUNT = "SELECT open FROM limit_stream WHERE account = ?";

    /**
     * Says this gateway is alive, and frees every slot held by a gateway not seen for the given seconds: its
     * holder rows go, each account's count drops by what they held, and its heartbeat row goes. Holder rows
     * left at zero go too. Parameters: this gateway, dead after (seconds), this gateway.
     */
    static final String BEAT_AND_FREE_THE_DEAD = "WITH beat AS ("
            + " INSERT INTO gateway_heartbeat (instance, seen_at) VALUES (?, clock_timestamp())"
            + " ON CONFLICT (instance) DO UPDATE SET seen_at = excluded.seen_at),"
            + " dead AS (SELECT make_interval(secs => ?) AS after),"
            + " freed AS (DELETE FROM limit_stream_holder h WHERE h.instance <> ? AND (h.open = 0 OR NOT EXISTS ("
            + "  SELECT 1 FROM gateway_heartbeat g, dead WHERE g.instance = h.instance"
            + "  AND g.seen_at > clock_timestamp() - dead.after)) RETURNING h.account, h.open),"
            + " forgotten AS (DELETE FROM gateway_heartbeat g USING dead"
            + "  WHERE g.seen_at < clock_timestamp() - dead.after * 10)"
            + " UPDATE limit_stream s SET open = greatest(0, s.open - f.total)"
            + " FROM (SELECT account, sum(open) AS total FROM freed GROUP BY account HAVING sum(open) > 0) f"
            + " WHERE s.account = f.account RETURNING s.account";

    private SlotStatements() {
    }
}
