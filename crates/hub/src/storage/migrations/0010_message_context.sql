-- A shared place (JSON: latitude, longitude, name, address) and the wamid a
-- message quotes or reacts to; NULL for messages recorded before.
ALTER TABLE messages ADD COLUMN location TEXT;
ALTER TABLE messages ADD COLUMN reply_to TEXT;
