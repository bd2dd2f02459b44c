-- Tickets (工单), their department assignments and their append-only timeline.
create sequence ticket_id_seq increment by 50;
create sequence assignment_id_seq increment by 50;
create sequence ticket_event_id_seq increment by 50;
-- Ticket numbers: day prefix + a city-wide counter, unique and sortable by day without a per-day lock.
create sequence ticket_number_seq;

create table ticket (
    id                    bigint primary key,
    version               int not null,
    number                varchar(24) not null unique,
    status                varchar(16) not null,
    type                  varchar(16) not null,
    channel               varchar(10) not null,
    caller_phone          varchar(20) not null,
    caller_name           varchar(50),
    confidential          boolean not null,
    district              varchar(20) references district (name),
    address               varchar(200),
    content               varchar(2000) not null,
    category              varchar(50),
    urgent                boolean not null,
    received_at           timestamptz not null,
    recorded_by           varchar(64) not null,
    answered_with         text[] not null default '{}',
    round                 int not null,
    unsatisfied_callbacks int not null default 0,
    handled_by            varchar(40) references department (code),
    closed_at             timestamptz,
    constraint ticket_status_known check (status in ('NEW','ANSWERED','DISPATCHED','ACCEPTED','REPLIED','CLOSED','RETURNED','REOPENED')),
    constraint ticket_type_known check (type in ('INQUIRY','COMPLAINT','HELP','REPORT','SUGGESTION')),
    constraint ticket_channel_known check (channel in ('PHONE','WEB','APP','WECHAT'))
);
create index ticket_caller on ticket (caller_phone, received_at desc);
create index ticket_received on ticket (received_at desc, id desc);
create index ticket_status on ticket (status, received_at desc);

create table assignment (
    id                        bigint primary key,
    ticket_id                 bigint not null references ticket (id),
    department_code           varchar(40) not null references department (code),
    role                      varchar(4) not null,
    status                    varchar(16) not null,
    round                     int not null,
    dispatched_at             timestamptz not null,
    accept_due_at             timestamptz not null,
    accepted_at               timestamptz,
    reply_due_at              timestamptz not null,
    paused_at                 timestamptz,
    paused_remaining_seconds  bigint,
    replied_at                timestamptz,
    reply_text                varchar(4000),
    outcome                   varchar(24),
    returned_at               timestamptz,
    return_reason             varchar(500),
    extension_days            int not null default 0,
    extension_requested_days  int,
    extension_reason          varchar(500),
    extension_requested_at    timestamptz,
    constraint assignment_role_known check (role in ('LEAD','CO')),
    constraint assignment_status_known check (status in ('DISPATCHED','ACCEPTED','AWAITING_CALLER','REPLIED','RETURNED'))
);
create index assignment_ticket on assignment (ticket_id);
create index assignment_department_open on assignment (department_code, status) where status <> 'RETURNED';
create index assignment_extension_pending on assignment (extension_requested_at) where extension_requested_days is not null;

create table ticket_event (
    id               bigint primary key,
    ticket_id        bigint not null references ticket (id),
    at               timestamptz not null,
    actor            varchar(64) not null,
    action           varchar(40) not null,
    from_status      varchar(16),
    to_status        varchar(16) not null,
    department_code  varchar(40),
    note             text
);
create index ticket_event_ticket on ticket_event (ticket_id, id);

-- The timeline is append-only: the database refuses to change or delete it, whatever the code does.
create function ticket_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ticket_event is append-only';
end $$;
create trigger ticket_event_no_update before update or delete on ticket_event
    for each row execute function ticket_event_append_only();

-- Idempotency-Key: a retried POST returns the first answer and creates nothing.
create table idempotency_record (
    actor          varchar(64) not null,
    key            varchar(200) not null,
    request_hash   varchar(64) not null,
    status         int not null,
    body           text not null,
    created_at     timestamptz not null,
    primary key (actor, key)
);
create index idempotency_record_created on idempotency_record (created_at);
