-- When signing ended, for the retention of contact data after a letter closes.
ALTER TABLE letters ADD COLUMN closed_at timestamptz;
UPDATE letters SET closed_at = updated_at WHERE status = 'CLOSED';
CREATE INDEX endorsements_with_contact ON endorsements (letter_id) WHERE contact_erased_at IS NULL;
