-- When the channel entered its current status (trial start, last document
-- submission): the channel limits count from it.
ALTER TABLE channels ADD COLUMN status_since INTEGER;
UPDATE channels SET status_since = created_at;
