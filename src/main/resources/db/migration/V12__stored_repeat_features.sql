-- Parsed repeat-detection features of each non-inquiry ticket (JSON, see repeat.StoredFeatures), so that the
-- candidates of a later intake are read instead of parsed again. Null for older tickets: they are parsed on demand.
alter table ticket add column repeat_features text;
