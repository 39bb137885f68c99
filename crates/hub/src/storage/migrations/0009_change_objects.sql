-- Which object each change carries the whole state of, and for whom:
-- `obj` = the object's key (`ChangeData::object_key`: `message:<id>` for a
-- message and its statuses, `conversation:<id>`, …; NULL for event-log
-- entries, never superseded) + '@' + the change's scope (`queue_id`, '' for
-- everyone). A change with a later change of the same `obj` is superseded:
-- a compacted read (`/changes?compact=true`, a new device's bootstrap)
-- skips it and still ends with every object as the full feed leaves it.
ALTER TABLE changes ADD COLUMN obj TEXT;

UPDATE changes SET obj = (
    CASE kind
        WHEN 'conversation' THEN 'conversation:' || json_extract(data, '$.id')
        WHEN 'message' THEN 'message:' || json_extract(data, '$.id')
        WHEN 'message_status' THEN 'message:' || json_extract(data, '$.id')
        WHEN 'call' THEN 'call:' || json_extract(data, '$.id')
        WHEN 'call_permission' THEN 'call_permission:' || json_extract(data, '$.conversation_id')
        WHEN 'template' THEN 'template:' || json_extract(data, '$.id')
        WHEN 'queue' THEN 'queue:' || json_extract(data, '$.id')
        WHEN 'channel' THEN 'channel:' || json_extract(data, '$.id')
        WHEN 'agent' THEN 'agent:' || json_extract(data, '$.id')
    END) || '@' || coalesce(queue_id, '');

CREATE INDEX changes_obj ON changes(obj, seq) WHERE obj IS NOT NULL;
