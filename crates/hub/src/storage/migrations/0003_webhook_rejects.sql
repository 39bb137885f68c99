-- Webhook items the hub could not read, kept for admins instead of lost
-- (card numbers redacted). `raw_sha256` makes a repeated delivery of the
-- same item a no-op.
CREATE TABLE webhook_rejects (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at      INTEGER NOT NULL,
    phone_number_id  TEXT,
    field            TEXT NOT NULL,
    list             TEXT NOT NULL,
    error            TEXT NOT NULL,
    raw              TEXT NOT NULL,
    raw_sha256       TEXT NOT NULL UNIQUE
);
