-- The public log of each letter (issue 13): its entries in order, their RFC 9162 leaf hashes,
-- and the signed checkpoint of the tree. Appended to by one sequencer across instances; never
-- rewritten: an erased signatory's leaf stays, only its salt goes.
CREATE TABLE log_entries (
    letter_id   uuid    NOT NULL REFERENCES letters (id),
    idx         bigint  NOT NULL CHECK (idx >= 0),
    entry       bytea   NOT NULL,
    leaf_hash   bytea   NOT NULL CHECK (length(leaf_hash) = 32),
    PRIMARY KEY (letter_id, idx)
);

CREATE TABLE log_heads (
    letter_id   uuid        PRIMARY KEY REFERENCES letters (id),
    size        bigint      NOT NULL,
    root        bytea       NOT NULL CHECK (length(root) = 32),
    checkpoint  text        NOT NULL,
    signed_at   timestamptz NOT NULL
);

-- An endorsement's published entry, its salt (sealed: an anonymous signatory's opens its
-- commitment, and only it is given that salt) and whether its ending was logged.
ALTER TABLE endorsements
    ADD COLUMN log_index bigint,
    ADD COLUMN log_salt  bytea,
    ADD COLUMN log_ended boolean NOT NULL DEFAULT false;

-- A text version's entry.
ALTER TABLE letter_translations ADD COLUMN log_index bigint;

CREATE INDEX endorsements_to_log ON endorsements (letter_id)
    WHERE (status = 'PUBLISHED' AND log_index IS NULL)
       OR (status IN ('WITHDRAWN', 'REJECTED') AND log_index IS NOT NULL AND NOT log_ended);
