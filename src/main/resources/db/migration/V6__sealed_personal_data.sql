-- Personal data at rest is sealed by the service (AES-256-GCM, keys from configuration, see
-- ContactCipher and the README). PostgreSQL only ever holds ciphertext and keyed hashes of it.

ALTER TABLE endorsements
    ADD COLUMN contact_name_sealed  bytea,
    ADD COLUMN contact_email_sealed bytea,
    -- The name of an anonymous endorsement (its name column is NULL).
    ADD COLUMN name_sealed          bytea,
    -- HMAC of the normalised name, for every endorsement with a name: "the same organisation".
    ADD COLUMN name_hash            bytea,
    -- Fingerprints of the keys that sealed and hashed the row; rows of an older generation are
    -- resealed when the service starts (key rotation, and the rows written before this migration,
    -- whose clear contact columns the service then empties).
    ADD COLUMN crypto_generation    text;

-- One published endorsement per organisation and letter, now on the keyed hash, which anonymous
-- endorsements have too (their normalised name is no longer kept in clear).
DROP INDEX endorsements_one_published_per_name;
CREATE UNIQUE INDEX endorsements_one_published_per_name
    ON endorsements (letter_id, name_hash)
    WHERE status = 'PUBLISHED' AND name_hash IS NOT NULL;

CREATE INDEX endorsements_by_crypto_generation ON endorsements (crypto_generation);

COMMENT ON COLUMN endorsements.contact_name IS 'Before V6 only: emptied by the resealing at start.';
COMMENT ON COLUMN endorsements.contact_email IS 'Before V6 only: emptied by the resealing at start.';
