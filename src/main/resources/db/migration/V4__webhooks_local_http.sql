-- The service itself requires https endpoints; plain http is allowed only for endpoints on the
-- service's own machine where undersigned.webhooks.allow-local-http says so (tests, development).
ALTER TABLE webhooks DROP CONSTRAINT webhooks_url_check;
ALTER TABLE webhooks ADD CONSTRAINT webhooks_url_check CHECK (url ~ '^https?://');
