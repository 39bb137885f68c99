-- A bootstrap writes its pages in bulk (`ApplyMode::Bulk`): messages and
-- customers without their full-text entries, messages not counted unread.
--
-- The messages waiting for their full-text entry, by `search_key`; indexed
-- afterwards, newest first (`Store::index_backlog`). A search meanwhile
-- finds what is indexed.
CREATE TABLE search_backlog (search_key INTEGER PRIMARY KEY);
-- The customers (by conversation) waiting for theirs.
CREATE TABLE customer_search_backlog (conversation_id TEXT PRIMARY KEY);

-- Set by a bulk write, cleared when the unread counts are counted again
-- from the messages (`Store::recount_unread`), at the end of the pages,
-- even when the bootstrap was interrupted and resumed.
ALTER TABLE sync_cursor ADD COLUMN unread_stale INTEGER NOT NULL DEFAULT 0;

-- The thread's index also says who wrote each message, so counting a
-- conversation's unread customer messages reads the index alone.
DROP INDEX messages_thread;
CREATE INDEX messages_thread ON messages(conversation_id, sent_at, id, direction);
