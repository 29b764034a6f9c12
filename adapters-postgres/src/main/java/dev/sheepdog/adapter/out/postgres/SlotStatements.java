package dev.sheepdog.adapter.out.postgres;

/**
 * The SQL of the concurrent-stream slots in {@code limit_stream} (one count per account, the row a
 * check-and-take locks) and {@code limit_stream_holder} (how many of them each gateway holds). Each
 * change to both is one statement (or, for the rare freeing of a dead gateway's slots, one transaction),
 * so the count always equals the sum of its holders, and a slot freed from a dead gateway is never freed
 * again by that gateway's late close. Every statement locks the count row before the holder rows.
 */
final class SlotStatements {

    /** Opens a stream when fewer than the maximum are open and records this gateway as its holder; a row back means opened. */
    static final String OPEN = "WITH opened AS ("
            + " INSERT INTO limit_stream AS s (account, open) VALUES (?, 1)"
            + " ON CONFLICT (account) DO UPDATE SET open = s.open + 1 WHERE s.open < ? RETURNING account)"
            + " INSERT INTO limit_stream_holder AS h (account, instance, open) SELECT account, ?, 1 FROM opened"
            + " ON CONFLICT (account, instance) DO UPDATE SET open = h.open + 1 RETURNING open";

    /**
     * Gives back a slot this gateway holds; nothing when it holds none (they were freed as a dead gateway's).
     * Like every statement here it locks the account's count first, then the holder: one order, no deadlock.
     * Parameters: account, account, this gateway, this gateway.
     */
    static final String CLOSE = "WITH counted AS ("
            + " UPDATE limit_stream SET open = open - 1 WHERE account = ? AND open > 0 AND EXISTS ("
            + "  SELECT 1 FROM limit_stream_holder WHERE account = ? AND instance = ? AND open > 0)"
            + " RETURNING account)"
            + " UPDATE limit_stream_holder h SET open = h.open - 1 FROM counted"
            + " WHERE h.account = counted.account AND h.instance = ? AND h.open > 0";

    static final String COUNT = "SELECT open FROM limit_stream WHERE account = ?";

    /**
     * Says this gateway is alive, removes its own holder rows left at zero, and names the accounts whose
     * slots a gateway unheard for the given seconds still holds. Parameters: this gateway, this gateway,
     * this gateway, dead after (seconds).
     */
    static final String BEAT = "WITH beat AS ("
            + " INSERT INTO gateway_heartbeat (instance, seen_at) VALUES (?, clock_timestamp())"
            + " ON CONFLICT (instance) DO UPDATE SET seen_at = excluded.seen_at),"
            + " tidy AS (DELETE FROM limit_stream_holder WHERE instance = ? AND open = 0)"
            + " SELECT DISTINCT h.account FROM limit_stream_holder h WHERE h.instance <> ? AND h.open > 0"
            + " AND NOT EXISTS (SELECT 1 FROM gateway_heartbeat g WHERE g.instance = h.instance"
            + "  AND g.seen_at > clock_timestamp() - make_interval(secs => ?))";

    /** Locks the accounts' counts, in one order, before their holders are touched. Parameter: the accounts. */
    static final String LOCK_COUNTS = "SELECT account FROM limit_stream WHERE account = ANY (?)"
            + " ORDER BY account FOR UPDATE";

    /** Frees the dead gateways' holdings of the accounts. Parameters: the accounts, dead after (seconds). */
    static final String FREE_THE_DEAD = "WITH freed AS ("
            + " DELETE FROM limit_stream_holder h WHERE h.account = ANY (?) AND NOT EXISTS ("
            + "  SELECT 1 FROM gateway_heartbeat g WHERE g.instance = h.instance"
            + "  AND g.seen_at > clock_timestamp() - make_interval(secs => ?)) RETURNING h.account, h.open)"
            + " UPDATE limit_stream s SET open = greatest(0, s.open - f.total)"
            + " FROM (SELECT account, sum(open) AS total FROM freed GROUP BY account) f"
            + " WHERE s.account = f.account RETURNING s.account";

    /** Forgets the heartbeats of gateways long dead. Parameter: dead after (seconds). */
    static final String FORGET_THE_DEAD = "DELETE FROM gateway_heartbeat"
            + " WHERE seen_at < clock_timestamp() - make_interval(secs => ?) * 10";

    private SlotStatements() {
    }
}
