-- Letters and their translations.
-- Public identifiers are UUIDs and slugs; no sequence value ever leaves the database.

CREATE TABLE letters (
    id                      uuid        PRIMARY KEY,
    slug                    text        NOT NULL UNIQUE
                                        CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
    original_language       text        NOT NULL CHECK (original_language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
    status                  text        NOT NULL DEFAULT 'DRAFT'
                                        CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED')),
    -- When signing stops by itself; NULL means open until a moderator closes it.
    closes_at               timestamptz,
    -- PUBLISH_ON_CONFIRMATION or PUBLISH_ON_APPROVAL (a moderator approves each endorsement).
    moderation_policy       text        NOT NULL DEFAULT 'PUBLISH_ON_APPROVAL'
                                        CHECK (moderation_policy IN ('PUBLISH_ON_CONFIRMATION', 'PUBLISH_ON_APPROVAL')),
    -- Signatures are collected but the list is not public before this instant.
    embargo_until           timestamptz,
    counts_during_embargo   boolean     NOT NULL DEFAULT true,
    -- Version of the ICU collator the endorsements' collation keys were computed with.
    collation_version       text,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    version                 integer     NOT NULL DEFAULT 0
);

-- Every edit of a letter's text in one language is a new row (version + 1), never an update:
-- an endorsement records exactly the text its signer saw.
CREATE TABLE letter_translations (
    id              uuid        PRIMARY KEY,
    letter_id       uuid        NOT NULL REFERENCES letters (id),
    language        text        NOT NULL CHECK (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$'),
    text_version    integer     NOT NULL CHECK (text_version >= 1),
    title           text        NOT NULL,
    recipients      text[]      NOT NULL,
    paragraphs      text[]      NOT NULL,
    closing         text        NOT NULL,
    -- The sentence under the list, with the placeholders {total}, {named} and {anonymous}.
    count_sentence  text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (letter_id, language, text_version)
);
