-- Messages get a full-text table of their own whose rowid is the message's
-- place in time: `search_key` = the second it was sent (`sent_at / 1000`,
-- unix milliseconds) × 2^20 + a slot, unique (see src/search.rs). The newest
-- matches of a search are then the first rows of a descending scan of the
-- matches, so a search reads about a page of them instead of sorting every
-- match (a common word matches a good part of a million messages).
-- Customers stay in `search`, where messages were.
ALTER TABLE messages ADD COLUMN search_key INTEGER;
CREATE UNIQUE INDEX messages_search_key ON messages(search_key);

CREATE VIRTUAL TABLE message_search USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The messages indexed so far move over: the same text, normalized again by
-- `switchboard_fts_text` (src/fts.rs's `index_text`, registered on the
-- connection), keyed in time.
UPDATE messages SET search_key = k.key
FROM (SELECT id,
             (sent_at / 1000) * 1048576
               + row_number() OVER (PARTITION BY sent_at / 1000 ORDER BY id) - 1 AS key
      FROM messages
      WHERE id IN (SELECT ref_id FROM search_docs WHERE kind = 'message')) AS k
WHERE messages.id = k.id;
INSERT INTO message_search (rowid, body)
    SELECT search_key, switchboard_fts_text(text) FROM messages WHERE search_key IS NOT NULL;
DELETE FROM search WHERE rowid IN (SELECT id FROM search_docs WHERE kind = 'message');
DELETE FROM search_docs WHERE kind = 'message';
