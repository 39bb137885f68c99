-- "Does a conversation with this customer exist already?" (starting a new
-- conversation) looks the customer up by channel and number.
CREATE INDEX conversations_customer ON conversations(channel_id, customer_wa_id, updated_at DESC);
