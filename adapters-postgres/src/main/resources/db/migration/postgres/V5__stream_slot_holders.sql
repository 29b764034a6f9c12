-- Which gateway holds how many of each account's open streams, so that the slots of a gateway that died
-- are given back instead of staying taken for good. `limit_stream.open` stays the one row a check-and-take
-- locks; it equals the sum of the account's holders, since both change in one statement.
CREATE TABLE limit_stream_holder (
    account  text    NOT NULL,
    instance text    NOT NULL,
    open     integer NOT NULL CHECK (open >= 0),
    PRIMARY KEY (account, instance)
);

-- Each gateway holding limit counters says every few seconds that it is alive, on the database's clock.
CREATE TABLE gateway_heartbeat (
    instance text        PRIMARY KEY,
    seen_at  timestamptz NOT NULL
);

-- Slots taken before this version have no holder and could never be given back: start the counts afresh
-- (during a rolling upgrade the older gateways' streams go uncounted until they end).
UPDATE limit_stream SET open = 0;
