-- An anonymous endorsement's website and country identify it as surely as its name: they are
-- sealed like the name (AES-256-GCM, by the service), and its clear columns stay NULL.
ALTER TABLE endorsements
    ADD COLUMN website_sealed bytea,
    ADD COLUMN country_sealed bytea;

-- Rows written before this migration: the resealing at start moves their website and country into
-- the sealed columns (it takes every row whose generation is not the current one).
UPDATE endorsements SET crypto_generation = NULL
 WHERE anonymous AND (website IS NOT NULL OR country IS NOT NULL)
   AND crypto_generation IS DISTINCT FROM 'unreadable';

-- Tokens are purged with their endorsement's other data at retention, and once long expired.
CREATE INDEX endorsement_tokens_by_expiry ON endorsement_tokens (expires_at);
CREATE INDEX outbox_by_subject ON outbox (subject_id);
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE status = 'SENT';

-- Retention erases the names of endorsements the public never saw (or saw withdrawn), named ones
-- included: a named row may then have no name, once its personal data is erased.
ALTER TABLE endorsements DROP CONSTRAINT endorsements_check;
ALTER TABLE endorsements ADD CONSTRAINT endorsements_named_has_name
    CHECK (anonymous OR name IS NOT NULL OR contact_erased_at IS NOT NULL);
