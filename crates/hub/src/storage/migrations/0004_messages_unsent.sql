-- Outbound messages recorded but never answered by Meta (the hub stopped
-- mid-send): found at start without scanning the whole table.
CREATE INDEX messages_unsent ON messages(status) WHERE wamid IS NULL;
