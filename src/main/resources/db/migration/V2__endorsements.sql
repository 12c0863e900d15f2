-- Endorsements: one row per submission, whatever becomes of it.

CREATE TABLE endorsements (
    id                  uuid        PRIMARY KEY,
    -- Internal order of arrival (imported rows keep the order of their source). Never exposed.
    position            bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    letter_id           uuid        NOT NULL REFERENCES letters (id),
    -- The text (language and version) the signer saw.
    translation_id      uuid        REFERENCES letter_translations (id),
    kind                text        NOT NULL CHECK (kind IN ('ORGANISATION', 'INDIVIDUAL')),
    -- The name as it is to be published, NFC. NULL only for an anonymous endorsement imported without one.
    name                text        CHECK (length(name) BETWEEN 1 AND 300),
    -- NFKC + case folding + white-space folding: what "the same organisation" means.
    normalized_name     text,
    -- Accent- and case-insensitive form for search; NULL for anonymous endorsements.
    search_key          text,
    -- ICU sort key in the letter's language; NULL for anonymous endorsements.
    collation_key       bytea,
    country             text        CHECK (country ~ '^[A-Z]{2}$'),
    website             text        CHECK (length(website) <= 2048),
    anonymous           boolean     NOT NULL,
    -- Contact data is personal data: never published, erased after retention.
    contact_name        text,
    contact_email       text,
    -- Keyed hash of the normalised contact e-mail, for look-ups without reading the address.
    contact_email_hash  bytea,
    language            text,
    status              text        NOT NULL
                                    CHECK (status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'PUBLISHED', 'REJECTED', 'WITHDRAWN')),
    source              text        NOT NULL CHECK (source IN ('IMPORTED', 'WEB', 'PARTNER')),
    -- The partner that brought the endorsement (source PARTNER).
    source_partner      text,
    -- Key of the row in an import, so that a re-import takes nothing twice.
    source_reference    text,
    email_confirmed_at  timestamptz,
    domain_verified     boolean     NOT NULL DEFAULT false,
    approved_at         timestamptz,
    approved_by         text,
    published_at        timestamptz,
    rejected_at         timestamptz,
    rejection_reason    text,
    withdrawn_at        timestamptz,
    -- Set when a confirmation was held because the organisation already signed.
    duplicate_of        uuid        REFERENCES endorsements (id),
    contact_erased_at   timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 0,
    CHECK (anonymous OR name IS NOT NULL),
    CHECK ((name IS NULL) = (normalized_name IS NULL)),
    CHECK (NOT anonymous OR (search_key IS NULL AND collation_key IS NULL)),
    CHECK (status <> 'PUBLISHED' OR published_at IS NOT NULL)
);

-- One organisation, one published signature per letter, even when confirmations race.
CREATE UNIQUE INDEX endorsements_one_published_per_name
    ON endorsements (letter_id, normalized_name)
    WHERE status = 'PUBLISHED' AND normalized_name IS NOT NULL;

-- Public list, in order of arrival and by name.
CREATE INDEX endorsements_public_by_position
    ON endorsements (letter_id, position)
    WHERE status = 'PUBLISHED' AND NOT anonymous;
CREATE INDEX endorsements_public_by_name
    ON endorsements (letter_id, collation_key, id)
    WHERE status = 'PUBLISHED' AND NOT anonymous;

-- Counts and moderation queues.
CREATE INDEX endorsements_by_letter_status ON endorsements (letter_id, status);
CREATE INDEX endorsements_by_email_hash ON endorsements (letter_id, contact_email_hash);

CREATE UNIQUE INDEX endorsements_source_reference
    ON endorsements (letter_id, source, source_reference)
    WHERE source_reference IS NOT NULL;
