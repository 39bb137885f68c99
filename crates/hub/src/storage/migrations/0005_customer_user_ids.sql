-- Customers known by a business-scoped user id (BSUID), by phone number or by
-- both (WhatsApp, 2026: a customer who uses a username may come with an empty
-- wa_id). A conversation keeps the customer's BSUID and username.
--
-- conversations.customer_wa_id stays the per-channel customer key of
-- UNIQUE (channel_id, customer_wa_id): the phone digits, or, for a customer
-- known only by BSUID, the BSUID itself (a BSUID is never only digits), so two
-- such customers never collide. The codec reads that key back as an empty wa_id.
ALTER TABLE conversations ADD COLUMN customer_user_id TEXT;
ALTER TABLE conversations ADD COLUMN customer_username TEXT;
-- One conversation per customer and channel, found by BSUID too.
CREATE UNIQUE INDEX conversations_customer_user
    ON conversations(channel_id, customer_user_id) WHERE customer_user_id IS NOT NULL;

-- A call's customer as the call saw them (customer_wa_id empty when unknown).
ALTER TABLE calls ADD COLUMN customer_user_id TEXT;
ALTER TABLE calls ADD COLUMN customer_username TEXT;
