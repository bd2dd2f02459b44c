-- Admin console: disabled accounts, the holiday calendar and reply limits edited in the database, and the
-- change counters other instances poll to pick those edits up within seconds.
alter table account add column disabled boolean not null default false;

-- Dates the administrator set; they override the bundled / configured calendar file on the same date.
create table sla_special_day (
    day         date primary key,
    kind        varchar(10) not null,
    name        varchar(50) not null,
    updated_by  varchar(64) not null,
    updated_at  timestamptz not null,
    constraint sla_special_day_kind_known check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- A ticket type's ordinary reply limit in working days, over the configured one; urgency and category still win.
create table sla_reply_limit (
    ticket_type   varchar(20) primary key,
    working_days  int not null,
    updated_by    varchar(64) not null,
    updated_at    timestamptz not null,
    constraint sla_reply_limit_type_known check (ticket_type in ('INQUIRY', 'COMPLAINT', 'HELP', 'REPORT', 'SUGGESTION')),
    constraint sla_reply_limit_positive check (working_days between 1 and 60)
);

-- Bumped in the transaction of every change of the named settings; each instance reloads when it sees a new value.
create table settings_version (
    name     varchar(40) primary key,
    version  bigint not null
);
insert into settings_version (name, version) values ('accounts', 0), ('sla', 0);
