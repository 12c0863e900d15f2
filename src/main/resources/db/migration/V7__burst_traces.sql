-- What a moderator needs to find a burst of fake signatures, and no more: the client's network
-- (IPv4 /24, IPv6 /48, never the full address) and a keyed hash of the contact e-mail's domain
-- (an anonymous organisation's domain would name it). Erased with the contact data.
ALTER TABLE endorsements
    ADD COLUMN client_network       cidr,
    ADD COLUMN contact_domain_hash  bytea;

CREATE INDEX endorsements_by_domain_hash ON endorsements (letter_id, contact_domain_hash);
CREATE INDEX endorsements_by_network ON endorsements USING gist (client_network inet_ops);
CREATE INDEX endorsements_by_letter_created ON endorsements (letter_id, created_at);
