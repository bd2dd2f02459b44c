-- Since V7 callers are looked up by caller_phone_hash; caller_phone is always empty after start-up, and its index
-- only cost every insert an entry.
drop index if exists ticket_caller;
