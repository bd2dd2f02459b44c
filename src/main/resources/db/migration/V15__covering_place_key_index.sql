-- Repeat candidates are the newest 51 reports per place key (RepeatService.candidates). With received_at alone in
-- the index, PostgreSQL read every report of the key in the 90-day window from the table and sorted them: at a busy
-- street hundreds of rows per key and intake, growing with history. With ticket_id in the index too, the newest 51
-- come straight from the index, in the query's order, mostly without touching the table.
-- A plain build locks writes to repeat_place_key while it runs (seconds per million rows); on a large database an
-- operator can build it beforehand with CREATE INDEX CONCURRENTLY under this name (docs/operations.md).
create index if not exists repeat_place_key_recent on repeat_place_key (place_key, received_at desc, ticket_id desc);
drop index repeat_place_key_lookup;
