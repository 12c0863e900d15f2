-- Domain verification (design: verification.md): an organisation proves that it controls the
-- registrable domain of its website by publishing a TXT record at _undersigned.<domain>. The
-- secrets are kept as SHA-256 hashes only; the domain itself is derived from the website (sealed
-- for an anonymous endorsement), never stored beside it in clear.
ALTER TABLE endorsements
    ADD COLUMN domain_challenge_hash   bytea,
    ADD COLUMN domain_check_token_hash bytea,
    -- Since when the record counts; NULL again once a look-up finds it gone.
    ADD COLUMN domain_dns_verified_at  timestamptz,
    -- When the record was last seen (kept after it is gone, for the moderators).
    ADD COLUMN domain_dns_seen_at      timestamptz,
    ADD COLUMN domain_checked_at       timestamptz,
    -- Why the last look-up did not verify (a DomainCheck.Reason), NULL when it did.
    ADD COLUMN domain_check_reason     text;

CREATE UNIQUE INDEX endorsements_by_domain_check_token ON endorsements (domain_check_token_hash)
    WHERE domain_check_token_hash IS NOT NULL;
CREATE INDEX endorsements_domain_rechecks ON endorsements (domain_checked_at)
    WHERE domain_dns_seen_at IS NOT NULL;
