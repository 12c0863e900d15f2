-- What the signing workflow needs around endorsements: tokens, moderation audit,
-- the transactional outbox, idempotency keys, rate limits, webhooks.

-- Secrets sent by e-mail. Only their SHA-256 is stored; each is single-use and expires.
CREATE TABLE endorsement_tokens (
    id              uuid        PRIMARY KEY,
    endorsement_id  uuid        NOT NULL REFERENCES endorsements (id),
    purpose         text        NOT NULL CHECK (purpose IN ('CONFIRMATION', 'WITHDRAWAL')),
    token_hash      bytea       NOT NULL UNIQUE,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX endorsement_tokens_by_endorsement ON endorsement_tokens (endorsement_id);

-- Every moderation decision: who, when, what, from which status.
CREATE TABLE moderation_decisions (
    id              uuid        PRIMARY KEY,
    endorsement_id  uuid        NOT NULL REFERENCES endorsements (id),
    actor           text        NOT NULL,
    action          text        NOT NULL,
    from_status     text        NOT NULL,
    to_status       text        NOT NULL,
    reason          text,
    decided_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX moderation_decisions_by_endorsement ON moderation_decisions (endorsement_id);

-- Side effects (e-mails, webhook deliveries) committed with the change that causes them,
-- then sent by workers that claim rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE outbox (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL,
    -- What the event is about, e.g. an endorsement id; never contact data in clear.
    subject_id      uuid,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'PENDING';

-- Idempotency-Key: the first answer to a key is kept and replayed.
CREATE TABLE idempotency_keys (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    bytea       NOT NULL,
    response_status integer     NOT NULL,
    response_body   text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);

-- Fixed-window counters shared by every instance of the service.
CREATE TABLE rate_limit_counters (
    bucket          text        NOT NULL,
    window_start    timestamptz NOT NULL,
    hits            integer     NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE TABLE webhooks (
    id              uuid        PRIMARY KEY,
    url             text        NOT NULL CHECK (url ~ '^https://'),
    events          text[]      NOT NULL,
    secret          text        NOT NULL,
    active          boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
    id              uuid        PRIMARY KEY,
    webhook_id      uuid        NOT NULL REFERENCES webhooks (id),
    event_type      text        NOT NULL,
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    last_status     integer,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
