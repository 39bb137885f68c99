-- An agent's token can be revoked and rotated. token_issued_at: when the
-- agent's current token was issued (created or rotated); NULL while it is
-- revoked, when no token of theirs authenticates. Tokens issued before this
-- migration were issued when their agent was created.
ALTER TABLE agents ADD COLUMN token_issued_at INTEGER;
UPDATE agents SET token_issued_at = created_at;
