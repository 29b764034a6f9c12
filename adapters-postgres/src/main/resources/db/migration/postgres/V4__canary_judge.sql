-- One canary judge for the fleet: every gateway reports its endpoints' windows here each canary
-- interval, one row per gateway instance and endpoint, replaced by its next report. The judge sums the
-- rows reported recently enough; older ones are from gateways that died (a restart is a new instance)
-- and are deleted by the next report of anyone.
CREATE TABLE canary_window (
    instance    text        NOT NULL,
    endpoint    text        NOT NULL,
    -- {"requests","errors":{"<kind>":n},"ttft_us":{"<bucket>":n},"completion_tokens","generation_nanos"}
    counts      jsonb       NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instance, endpoint)
);

CREATE INDEX canary_window_reported_at ON canary_window (reported_at);
