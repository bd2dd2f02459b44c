-- Caller privacy (PIPL): the number is kept encrypted, looked up by a keyed hash and shown masked.
-- caller_phone (clear text) loses NOT NULL; PhoneEncryptionStep encrypts and clears existing rows at start-up,
-- since the keys live in configuration, not in SQL. A later migration drops the column.
alter table ticket alter column caller_phone drop not null;
alter table ticket
    add column caller_phone_enc        varchar(200),
    add column caller_phone_hash       varchar(64),
    add column caller_phone_masked     varchar(24),
    add column personal_data_erased_at timestamptz;
drop index ticket_caller;
create index ticket_caller_hash on ticket (caller_phone_hash, received_at desc);
-- Rows still in clear text, for the start-up step; empty once it has run.
create index ticket_caller_clear on ticket (id) where caller_phone is not null;
-- Retention looks for closed and answered tickets not yet de-identified.
create index ticket_retention on ticket (status, (coalesce(closed_at, received_at))) where personal_data_erased_at is null;

-- Who viewed, revealed or changed what, when, from where. Append-only, like ticket_event.
create table audit_entry (
    id              bigserial primary key,
    at              timestamptz not null,
    actor           varchar(64) not null,
    role            varchar(20),
    action          varchar(80) not null,
    target          varchar(200),
    ticket_id       bigint,
    client_address  varchar(64),
    note            varchar(500)
);
create index audit_entry_at on audit_entry (at desc, id desc);
create index audit_entry_actor on audit_entry (actor, at desc);
create index audit_entry_action on audit_entry (action, at desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
