-- The right edge of each letter's tree: the roots of the perfect subtrees a tree of `size` leaves
-- is made of, left to right, 32 bytes each (one per bit set in size). RFC 9162's tree hash is
-- their fold from the right, so appending an entry costs O(log n) hashes and no read of the
-- leaves. NULL for a head signed before it existed: the sequencer rebuilds it once from the leaves.
ALTER TABLE log_heads ADD COLUMN frontier bytea;
