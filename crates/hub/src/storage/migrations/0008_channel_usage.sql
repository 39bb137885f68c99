-- The channel limits' figures, kept as messages are written instead of
-- counted from every conversation of the channel at each send: a send's
-- check then costs the same at 20 or 200,000 conversations.
--
-- A business message "counts" when it is outbound, not a call shown in the
-- thread, and not failed. Per conversation: whether the customer ever wrote
-- (`customer_wrote`) and when the business last wrote a message that counts
-- (`business_wrote_at`, NULL when none). Per channel (`channel_usage`): how
-- many of its conversations have a counting business message, split by
-- whether the customer wrote (`customers_replied`) or not
-- (`numbers_messaged`). Triggers keep all of it in the transaction of the
-- message (or conversation) that changes it, so every writer agrees.

ALTER TABLE conversations ADD COLUMN customer_wrote INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN business_wrote_at INTEGER;

UPDATE conversations SET
    customer_wrote = EXISTS (
        SELECT 1 FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'inbound'),
    business_wrote_at = (
        SELECT MAX(m.sent_at) FROM messages m
        WHERE m.conversation_id = conversations.id AND m.direction = 'outbound'
          AND m.status != 'failed' AND m.kind != 'call');

CREATE TABLE channel_usage (
    channel_id         TEXT PRIMARY KEY,
    numbers_messaged   INTEGER NOT NULL DEFAULT 0,
    customers_replied  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO channel_usage (channel_id, numbers_messaged, customers_replied)
SELECT channel_id,
       SUM(business_wrote_at IS NOT NULL AND customer_wrote = 0),
       SUM(business_wrote_at IS NOT NULL AND customer_wrote != 0)
FROM conversations GROUP BY channel_id;

-- "Customers messaged since t" is a range of this index: O(log n + k), k the
-- customers the business wrote to in the window.
CREATE INDEX conversations_business_wrote
    ON conversations(channel_id, business_wrote_at) WHERE business_wrote_at IS NOT NULL;

-- A customer's message: they wrote.
CREATE TRIGGER messages_usage_inbound AFTER INSERT ON messages
WHEN NEW.direction = 'inbound'
BEGIN
    UPDATE conversations SET customer_wrote = 1
    WHERE id = NEW.conversation_id AND customer_wrote = 0;
END;

-- A business message that counts: the latest instant the business wrote.
CREATE TRIGGER messages_usage_outbound AFTER INSERT ON messages
WHEN NEW.direction = 'outbound' AND NEW.status != 'failed' AND NEW.kind != 'call'
BEGIN
    UPDATE conversations SET business_wrote_at = NEW.sent_at
    WHERE id = NEW.conversation_id
      AND (business_wrote_at IS NULL OR business_wrote_at < NEW.sent_at);
END;

-- A message that starts or stops counting (a send that failed, a failed one
-- Meta later reports read) or changes what it counts for: its conversation's
-- figures are read again from that conversation's messages only (the
-- messages_thread index).
CREATE TRIGGER messages_usage_update
AFTER UPDATE OF status, direction, kind, sent_at, conversation_id ON messages
WHEN (OLD.status IS NOT NEW.status AND (OLD.status = 'failed' OR NEW.status = 'failed'))
  OR OLD.direction IS NOT NEW.direction OR OLD.kind IS NOT NEW.kind
  OR OLD.sent_at IS NOT NEW.sent_at OR OLD.conversation_id IS NOT NEW.conversation_id
BEGIN
    UPDATE conversations SET
        customer_wrote = EXISTS (
            SELECT 1 FROM messages m
            WHERE m.conversation_id = conversations.id AND m.direction = 'inbound'),
        business_wrote_at = (
            SELECT MAX(m.sent_at) FROM messages m
            WHERE m.conversation_id = conversations.id AND m.direction = 'outbound'
              AND m.status != 'failed' AND m.kind != 'call')
    WHERE id IN (OLD.conversation_id, NEW.conversation_id);
END;

CREATE TRIGGER messages_usage_delete AFTER DELETE ON messages
BEGIN
    UPDATE conversations SET
        customer_wrote = EXISTS (
            SELECT 1 FROM messages m
            WHERE m.conversation_id = conversations.id AND m.direction = 'inbound'),
        business_wrote_at = (
            SELECT MAX(m.sent_at) FROM messages m
            WHERE m.conversation_id = conversations.id AND m.direction = 'outbound'
              AND m.status != 'failed' AND m.kind != 'call')
    WHERE id = OLD.conversation_id;
END;

-- The channel's counts follow its conversations.
CREATE TRIGGER conversations_usage_insert AFTER INSERT ON conversations
WHEN NEW.business_wrote_at IS NOT NULL
BEGIN
    INSERT INTO channel_usage (channel_id, numbers_messaged, customers_replied)
    VALUES (NEW.channel_id, NEW.customer_wrote = 0, NEW.customer_wrote != 0)
    ON CONFLICT (channel_id) DO UPDATE SET
        numbers_messaged = numbers_messaged + excluded.numbers_messaged,
        customers_replied = customers_replied + excluded.customers_replied;
END;

CREATE TRIGGER conversations_usage_update
AFTER UPDATE OF channel_id, customer_wrote, business_wrote_at ON conversations
WHEN OLD.channel_id IS NOT NEW.channel_id
  OR (OLD.business_wrote_at IS NULL) != (NEW.business_wrote_at IS NULL)
  OR (OLD.customer_wrote = 0) != (NEW.customer_wrote = 0)
BEGIN
    UPDATE channel_usage SET
        numbers_messaged = numbers_messaged
            - (OLD.business_wrote_at IS NOT NULL AND OLD.customer_wrote = 0),
        customers_replied = customers_replied
            - (OLD.business_wrote_at IS NOT NULL AND OLD.customer_wrote != 0)
    WHERE channel_id = OLD.channel_id;
    INSERT INTO channel_usage (channel_id, numbers_messaged, customers_replied)
    VALUES (NEW.channel_id,
            NEW.business_wrote_at IS NOT NULL AND NEW.customer_wrote = 0,
            NEW.business_wrote_at IS NOT NULL AND NEW.customer_wrote != 0)
    ON CONFLICT (channel_id) DO UPDATE SET
        numbers_messaged = numbers_messaged + excluded.numbers_messaged,
        customers_replied = customers_replied + excluded.customers_replied;
END;

CREATE TRIGGER conversations_usage_delete AFTER DELETE ON conversations
WHEN OLD.business_wrote_at IS NOT NULL
BEGIN
    UPDATE channel_usage SET
        numbers_messaged = numbers_messaged - (OLD.customer_wrote = 0),
        customers_replied = customers_replied - (OLD.customer_wrote != 0)
    WHERE channel_id = OLD.channel_id;
END;

-- Statuses stashed for a wamid never recorded expire (see
-- `expire_stashed_statuses`): found by age without a scan.
CREATE INDEX early_statuses_at ON early_statuses(at);
