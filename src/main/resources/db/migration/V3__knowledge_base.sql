-- The 热线百科. kb_entry holds the current state of every entry; kb_entry_version keeps every version ever
-- published (append-only). change_seq orders all changes so every service instance can catch up its index.
create sequence kb_change_seq;

create table kb_entry (
    id               varchar(80) primary key,
    version          int not null,
    title            varchar(200) not null,
    category         varchar(50) not null,
    department_code  varchar(40) not null references department (code),
    keywords         text[] not null default '{}',
    body             text not null,
    effective        date,
    review_by        date,
    retired          boolean not null default false,
    source           varchar(10) not null,
    source_path      text,
    source_hash      varchar(64),
    updated_at       timestamptz not null,
    updated_by       varchar(64) not null,
    change_seq       bigint not null default nextval('kb_change_seq'),
    constraint kb_entry_id_format check (id ~ '^[a-z0-9-]+$'),
    constraint kb_entry_source_known check (source in ('FILE', 'EDITOR'))
);
create index kb_entry_change_seq on kb_entry (change_seq);

create function kb_entry_next_change_seq() returns trigger language plpgsql as $$
begin
    new.change_seq := nextval('kb_change_seq');
    return new;
end $$;

create trigger kb_entry_change_seq before insert or update on kb_entry
    for each row execute function kb_entry_next_change_seq();
create index kb_entry_review_by on kb_entry (review_by) where not retired;
create index kb_entry_updated_at on kb_entry (updated_at);

create table kb_entry_version (
    entry_id         varchar(80) not null references kb_entry (id),
    version          int not null,
    title            varchar(200) not null,
    category         varchar(50) not null,
    department_code  varchar(40) not null,
    keywords         text[] not null,
    body             text not null,
    effective        date,
    review_by        date,
    retired          boolean not null,
    source           varchar(10) not null,
    changed_at       timestamptz not null,
    changed_by       varchar(64) not null,
    change_note      text,
    primary key (entry_id, version)
);

-- What callers asked that the 热线百科 could not answer: zero-hit searches and answers marked unhelpful.
create table kb_gap (
    query_key        varchar(200) primary key,
    sample_query     varchar(500) not null,
    zero_hit_count   bigint not null default 0,
    unhelpful_count  bigint not null default 0,
    first_seen       timestamptz not null,
    last_seen        timestamptz not null
);
create index kb_gap_last_seen on kb_gap (last_seen);
