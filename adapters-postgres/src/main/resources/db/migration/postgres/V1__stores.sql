-- Fleet mode's shared state. Instants keep every nanosecond, as the embedded stores do: a timestamptz
-- to the microsecond (what SQL compares and people read) plus the nanoseconds past it (0-999).

-- Every endpoint's provider keys as one document, the format of keys.json, replaced whole by each save;
-- sealed under SHEEPDOG_MASTER_KEY exactly as keys.json is when one is set. Text, not jsonb: its bytes
-- (and the order of its endpoints) are kept as written.
CREATE TABLE provider_keys (
    id       smallint    PRIMARY KEY CHECK (id = 1),
    document text        NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now()
);

-- The rollout: roles, canary weight, streaks and the audit trail of decisions, as one JSON document
-- in the format of the route file, replaced whole by each save.
CREATE TABLE route_state (
    id       smallint    PRIMARY KEY CHECK (id = 1),
    document jsonb       NOT NULL,
    saved_at timestamptz NOT NULL DEFAULT now()
);

-- Client keys: everything but the secret, which is kept only as its SHA-256 hash.
CREATE TABLE client_key (
    id                  text        NOT NULL PRIMARY KEY,
    name                text        NOT NULL,
    secret_hash         text        NOT NULL,
    hint                text        NOT NULL,
    plan_name           text        NOT NULL,
    requests_per_minute integer,
    tokens_per_minute   bigint,
    concurrent_streams  integer,
    -- A budget as BigDecimal text: numeric would give back 1E+3 as 1000, and the scale is part of the value.
    daily_usd           text,
    monthly_usd         text,
    expires_at          timestamptz,
    expires_at_nanos    smallint,
    enabled             boolean     NOT NULL,
    created_at          timestamptz NOT NULL,
    created_at_nanos    smallint    NOT NULL,
    revoked_at          timestamptz,
    revoked_at_nanos    smallint,
    CONSTRAINT client_key_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX client_key_created ON client_key (created_at, created_at_nanos, id);

-- The models a key's plan allows; none at all means every model.
CREATE TABLE client_key_model (
    client_id text NOT NULL REFERENCES client_key (id) ON DELETE CASCADE,
    model     text NOT NULL,
    PRIMARY KEY (client_id, model)
);

-- One row per completion, from every instance; never what was asked or answered.
CREATE TABLE usage_record (
    id                bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at       timestamptz NOT NULL,
    recorded_at_nanos smallint    NOT NULL,
    account           text        NOT NULL,
    caller_kind       text        NOT NULL,
    caller_name       text        NOT NULL,
    model             text        NOT NULL,
    endpoint          text,
    input_tokens      bigint      NOT NULL,
    output_tokens     bigint      NOT NULL,
    estimated         boolean     NOT NULL,
    -- Exact decimal of any scale; NULL is unpriced (the model has no price), never free.
    cost_usd          numeric,
    ttft_millis       bigint,
    outcome           text        NOT NULL,
    failure           text
);

-- A budget check adds up one account's costs since a day or month began: on every priced request.
CREATE INDEX usage_record_account_at ON usage_record (account, recorded_at, recorded_at_nanos);
CREATE INDEX usage_record_at ON usage_record (recorded_at, recorded_at_nanos);
