-- Which provider keys rest for which models after a provider's 429, told by the gateway that heard it to the
-- whole fleet (PostgresKeyRests), on the database's clock. Rows whose rest is long over go when the next rest
-- is told. Every write tells the listening gateways, as the keys and routes do (V3).
CREATE TABLE key_rest (
    endpoint    text        NOT NULL,
    fingerprint text        NOT NULL,
    model       text        NOT NULL,
    until       timestamptz NOT NULL,
    PRIMARY KEY (endpoint, fingerprint, model)
);

CREATE TRIGGER key_rest_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_rest
    FOR EACH STATEMENT EXECUTE FUNCTION sheepdog_store_changed('key_rests');
