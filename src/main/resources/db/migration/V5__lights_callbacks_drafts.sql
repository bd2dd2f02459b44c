-- Lights as last computed by the scan, when an assignment first went red, and the callback verdict
-- recorded on the departments of the round it judged (for 满意率 and 解决率).
alter table assignment add column light varchar(6) not null default 'GREEN';
alter table assignment add column red_since timestamptz;
alter table assignment add column callback_satisfaction varchar(20);
alter table assignment add column callback_resolved boolean;
create index assignment_open on assignment (status) where status in ('DISPATCHED', 'ACCEPTED', 'AWAITING_CALLER');
create index assignment_dispatched_at on assignment (dispatched_at);

-- One row per scheduled job: an instance runs the job only if it moves last_run forward, so with any
-- number of instances each interval runs exactly once.
create table scheduled_run (
    job       varchar(40) primary key,
    last_run  timestamptz not null
);

-- Department answers to transferred inquiries, waiting for an editor to turn them into 热线百科 entries.
create table kb_draft (
    id               bigserial primary key,
    ticket_id        bigint not null references ticket (id),
    question         varchar(2000) not null,
    answer           varchar(4000) not null,
    department_code  varchar(40) not null references department (code),
    category         varchar(50),
    based_on_entry   varchar(80) references kb_entry (id),
    created_at       timestamptz not null,
    status           varchar(12) not null default 'OPEN',
    constraint kb_draft_status_known check (status in ('OPEN', 'PUBLISHED', 'DISMISSED'))
);
create index kb_draft_open on kb_draft (created_at) where status = 'OPEN';
