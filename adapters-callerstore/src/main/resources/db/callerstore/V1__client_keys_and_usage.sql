-- Client keys: everything but the secret, which is kept only as its SHA-256 hash.
CREATE TABLE client_key (
    id                  VARCHAR(15)  NOT NULL PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    secret_hash         CHAR(64)     NOT NULL,
    hint                VARCHAR      NOT NULL,
    plan_name           VARCHAR      NOT NULL,
    requests_per_minute INTEGER,
    tokens_per_minute   BIGINT,
    concurrent_streams  INTEGER,
    -- A budget as BigDecimal text: H2's DECFLOAT drops trailing zeros and its bare NUMERIC rounds to
    -- an integer, while 1.50 must come back as 1.50. Budgets are read, never added up in SQL.
    daily_usd           VARCHAR(100),
    monthly_usd         VARCHAR(100),
    expires_at          TIMESTAMP(9) WITH TIME ZONE,
    enabled             BOOLEAN      NOT NULL,
    created_at          TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    revoked_at          TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT client_key_secret_hash UNIQUE (secret_hash)
);

CREATE INDEX client_key_created ON client_key (created_at, id);

-- The models a key's plan allows; none at all means every model.
CREATE TABLE client_key_model (
    client_id VARCHAR(15) NOT NULL REFERENCES client_key (id) ON DELETE CASCADE,
    model     VARCHAR     NOT NULL,
    PRIMARY KEY (client_id, model)
);

-- One row per completion; never what was asked or answered.
CREATE TABLE usage_record (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at   TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    account       VARCHAR     NOT NULL,
    caller_kind   VARCHAR(20) NOT NULL,
    caller_name   VARCHAR     NOT NULL,
    model         VARCHAR     NOT NULL,
    endpoint      VARCHAR,
    input_tokens  BIGINT      NOT NULL,
    output_tokens BIGINT      NOT NULL,
    estimated     BOOLEAN     NOT NULL,
    -- Exact decimal of any scale; NULL is unpriced (the model has no price), never free.
    cost_usd      DECFLOAT,
    ttft_millis   BIGINT,
    outcome       VARCHAR(20) NOT NULL,
    failure       VARCHAR(40)
);

CREATE INDEX usage_record_account_at ON usage_record (account, recorded_at);
CREATE INDEX usage_record_at ON usage_record (recorded_at);
