-- Messages stored without their full-text entry yet (by `search_key`): a
-- new device's bootstrap defers indexing, about half of what writing a
-- message costs, and indexes them afterwards, newest first
-- (`Store::index_backlog`). A search meanwhile finds what is indexed.
CREATE TABLE search_backlog (search_key INTEGER PRIMARY KEY);
