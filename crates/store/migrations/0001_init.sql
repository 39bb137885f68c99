-- The desktop app's local store. Append-only: never edit a shipped migration,
-- add a new one. Instants are unix milliseconds (UTC). Objects from the hub are
-- keyed by the hub's ids and kept whole in `json` (what the UI reads); the
-- columns beside it are what queries filter and sort on.

-- 'SWBD': a file with another application id is not ours to migrate.
PRAGMA application_id = 1398227524;

-- The hub's conversations, as the last change described them.
CREATE TABLE conversations (
    id                        TEXT PRIMARY KEY,
    channel_id                TEXT NOT NULL,
    queue_id                  TEXT,
    assignee_id               TEXT,
    status                    TEXT NOT NULL,
    priority                  TEXT NOT NULL,
    customer_wa_id            TEXT NOT NULL,
    customer_name             TEXT,
    customer_search           TEXT NOT NULL,  -- name · username · number, as indexed
    window_closes_at          INTEGER,
    last_customer_message_at  INTEGER,
    call_permission_state     TEXT NOT NULL,
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    json                      TEXT NOT NULL
);
CREATE INDEX conversations_updated ON conversations(updated_at DESC, id);
CREATE INDEX conversations_queue ON conversations(queue_id, updated_at DESC);
CREATE INDEX conversations_window ON conversations(window_closes_at);

-- Local only: what this agent has read, and how many customer messages came
-- after it.
CREATE TABLE conversation_reads (
    conversation_id  TEXT PRIMARY KEY,
    read_sent_at     INTEGER,
    read_message_id  TEXT,
    unread           INTEGER NOT NULL DEFAULT 0
);

-- The hub's messages, plus the local pending copies of what the outbox holds
-- (`local` = 1, id `local:<client_id>`) until the hub's arrives.
CREATE TABLE messages (
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL,
    direction        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    status           TEXT NOT NULL,
    status_rank      INTEGER NOT NULL,
    client_id        TEXT,
    wamid            TEXT,
    text             TEXT,
    sent_at          INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    local            INTEGER NOT NULL DEFAULT 0,
    json             TEXT NOT NULL
);
CREATE INDEX messages_thread ON messages(conversation_id, sent_at, id);
CREATE INDEX messages_client ON messages(conversation_id, client_id) WHERE client_id IS NOT NULL;

CREATE TABLE calls (
    id               TEXT PRIMARY KEY,
    conversation_id  TEXT NOT NULL,
    state            TEXT NOT NULL,
    started_at       INTEGER NOT NULL,
    json             TEXT NOT NULL
);
CREATE INDEX calls_conversation ON calls(conversation_id, started_at);
CREATE INDEX calls_active ON calls(started_at) WHERE state IN ('ringing', 'connecting', 'connected');

CREATE TABLE templates (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    language  TEXT NOT NULL,
    category  TEXT NOT NULL,
    status    TEXT NOT NULL,
    json      TEXT NOT NULL
);
CREATE INDEX templates_language ON templates(language, category, name);

CREATE TABLE queues (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    json  TEXT NOT NULL
);

CREATE TABLE channels (
    id    TEXT PRIMARY KEY,
    json  TEXT NOT NULL
);

CREATE TABLE agents (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    json  TEXT NOT NULL
);

CREATE TABLE event_log (
    id               INTEGER PRIMARY KEY,
    conversation_id  TEXT NOT NULL,
    at               INTEGER NOT NULL,
    json             TEXT NOT NULL
);
CREATE INDEX event_log_conversation ON event_log(conversation_id, at, id);

-- Changes of a kind this build does not know, kept as they came.
CREATE TABLE unknown_changes (
    seq   INTEGER PRIMARY KEY,
    kind  TEXT NOT NULL,
    data  TEXT NOT NULL
);

-- The seq of the last change applied (one row), moved in the transaction
-- that applies the changes.
CREATE TABLE sync_cursor (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  INTEGER NOT NULL
);
INSERT INTO sync_cursor (id, seq) VALUES (1, 0);

-- What the agent wrote and the hub has not answered yet (and, after, how it
-- ended). `id` orders it; `body` is the SendBody as JSON.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    client_id        TEXT NOT NULL UNIQUE,
    conversation_id  TEXT NOT NULL,
    body             TEXT NOT NULL,
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    created_at       INTEGER NOT NULL,
    last_attempt_at  INTEGER,
    not_before       INTEGER,
    error_code       TEXT,
    error_reason     TEXT,
    message_id       TEXT
);
CREATE INDEX outbox_queued ON outbox(state, conversation_id, id);

CREATE TABLE settings (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);

-- Full-text search over message text and customer names. `body` is the
-- normalized text (NFKC; runs of CJK characters as overlapping bigrams, see
-- src/fts.rs), so the table holds no original text: hits are read back
-- through `search_docs`.
CREATE VIRTUAL TABLE search USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_docs (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    ref_id  TEXT NOT NULL,
    UNIQUE (kind, ref_id)
);
