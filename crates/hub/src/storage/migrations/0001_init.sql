-- The hub's record. Append-only: never edit a shipped migration, add a new one.
-- Instants are unix milliseconds (UTC).

CREATE TABLE channels (
    id               TEXT PRIMARY KEY,
    phone_number_id  TEXT NOT NULL UNIQUE,
    display_number   TEXT NOT NULL,
    waba_id          TEXT NOT NULL,
    access_token     TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'connected',
    enabled          INTEGER NOT NULL DEFAULT 1,
    redact_cards     INTEGER NOT NULL DEFAULT 1,
    max_customers    INTEGER,
    icon             BLOB,
    created_at       INTEGER NOT NULL
);

CREATE TABLE queues (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    wait_strategy  TEXT
);

CREATE TABLE routes (
    id                  TEXT PRIMARY KEY,
    position            INTEGER NOT NULL,
    channel_id          TEXT REFERENCES channels(id),
    communication_type  TEXT,
    queue_id            TEXT NOT NULL REFERENCES queues(id)
);

CREATE TABLE agents (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL,
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
);

CREATE TABLE agent_queues (
    agent_id  TEXT NOT NULL REFERENCES agents(id),
    queue_id  TEXT NOT NULL REFERENCES queues(id),
    PRIMARY KEY (agent_id, queue_id)
);

CREATE TABLE conversations (
    id                        TEXT PRIMARY KEY,
    channel_id                TEXT NOT NULL REFERENCES channels(id),
    customer_wa_id            TEXT NOT NULL,
    customer_name             TEXT,
    queue_id                  TEXT,
    assignee_id               TEXT,
    status                    TEXT NOT NULL,
    priority                  TEXT NOT NULL,
    tags                      TEXT NOT NULL DEFAULT '[]',
    last_customer_message_at  INTEGER,
    call_permission           TEXT NOT NULL DEFAULT '{}',
    created_at                INTEGER NOT NULL,
    updated_at                INTEGER NOT NULL,
    UNIQUE (channel_id, customer_wa_id)
);
CREATE INDEX conversations_queue ON conversations(queue_id, updated_at);

CREATE TABLE messages (
    id                    TEXT PRIMARY KEY,
    conversation_id       TEXT NOT NULL REFERENCES conversations(id),
    wamid                 TEXT UNIQUE,
    client_id             TEXT,
    direction             TEXT NOT NULL,
    kind                  TEXT NOT NULL,
    body                  TEXT,
    media                 TEXT,
    forwarded             INTEGER NOT NULL DEFAULT 0,
    frequently_forwarded  INTEGER NOT NULL DEFAULT 0,
    status                TEXT NOT NULL,
    failure               TEXT,
    agent_id              TEXT,
    sent_at               INTEGER NOT NULL,
    updated_at            INTEGER NOT NULL,
    UNIQUE (conversation_id, client_id)
);
CREATE INDEX messages_thread ON messages(conversation_id, sent_at);

CREATE TABLE calls (
    id                TEXT PRIMARY KEY,
    conversation_id   TEXT NOT NULL REFERENCES conversations(id),
    channel_id        TEXT NOT NULL,
    wacid             TEXT UNIQUE,
    direction         TEXT NOT NULL,
    state             TEXT NOT NULL,
    queue_id          TEXT,
    customer_wa_id    TEXT NOT NULL,
    customer_name     TEXT,
    remote_sdp        TEXT,
    agent_id          TEXT,
    started_at        INTEGER NOT NULL,
    connected_at      INTEGER,
    ended_at          INTEGER,
    duration_seconds  INTEGER,
    error_code        INTEGER
);

CREATE TABLE event_log (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id  TEXT NOT NULL REFERENCES conversations(id),
    kind             TEXT NOT NULL,
    message          TEXT NOT NULL,
    message_id       TEXT,
    at               INTEGER NOT NULL
);
CREATE INDEX event_log_conversation ON event_log(conversation_id, id);

CREATE TABLE templates (
    id                       TEXT PRIMARY KEY,
    waba_id                  TEXT NOT NULL,
    name                     TEXT NOT NULL,
    language                 TEXT NOT NULL,
    category                 TEXT NOT NULL,
    status                   TEXT NOT NULL,
    header                   TEXT,
    body                     TEXT NOT NULL,
    footer                   TEXT,
    param_count              INTEGER NOT NULL,
    tags                     TEXT NOT NULL DEFAULT '[]',
    call_permission_request  INTEGER NOT NULL DEFAULT 0,
    -- The template as the domain crate parses it (Meta's JSON + our tags).
    raw                      TEXT NOT NULL DEFAULT '{}',
    UNIQUE (waba_id, name, language)
);

-- The change feed: every state change, in order. `queue_id` scopes who sees it
-- (NULL: everyone).
CREATE TABLE changes (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    kind      TEXT NOT NULL,
    queue_id  TEXT,
    data      TEXT NOT NULL,
    at        INTEGER NOT NULL
);

-- Statuses that arrived before the send recorded its wamid; applied when it is.
CREATE TABLE early_statuses (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    wamid   TEXT NOT NULL,
    status  TEXT NOT NULL,
    at      INTEGER NOT NULL
);
CREATE INDEX early_statuses_wamid ON early_statuses(wamid);
