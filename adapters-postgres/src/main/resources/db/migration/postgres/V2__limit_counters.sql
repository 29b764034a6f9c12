-- The counters behind every account's rate and concurrency limits, shared by the fleet. Each check that
-- also takes is one conditional statement on one row (see PostgresLimitCounters), never read-then-write,
-- and the time is the database's, so that the instances' clocks do not matter.

-- A token bucket per account and kind: `units` as they were at `updated_at`. A unit is 1/60,000,000 of a
-- token, so an allowance of N a minute refills exactly N units a microsecond and every refill is a whole
-- number. Below zero is a debt: tokens are counted when a stream ends, past the allowance if need be.
CREATE TABLE limit_bucket (
    account    text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('requests', 'tokens')),
    per_minute bigint      NOT NULL CHECK (per_minute > 0),
    units      bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (account, kind)
);

-- How many streams each account has open, fleet-wide.
CREATE TABLE limit_stream (
    account text    PRIMARY KEY,
    open    integer NOT NULL CHECK (open >= 0)
);

-- The units a bucket holds at `as_of`: refilled at its old rate since `updated_at` (never past its capacity,
-- nor backwards when a clock went back), then fitted to a changed allowance the way the in-memory buckets
-- are: a raise is granted at once, a cut keeps what was spent (and any debt).
CREATE FUNCTION sheepdog_bucket_units(units bigint, per_minute bigint, updated_at timestamptz,
                                      new_per_minute bigint, as_of timestamptz) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT least(
               least(units + greatest(0, extract(epoch FROM as_of - updated_at) * 1000000) * per_minute,
                     per_minute * 60000000::numeric)
                   + greatest(new_per_minute - per_minute, 0) * 60000000::numeric,
               new_per_minute * 60000000::numeric)::bigint
$$;
