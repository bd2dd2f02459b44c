-- Repeat clusters (重复件), department suggestions (智能派单), supervision cases (督办) and reply flags (模板化答复).

-- Working time a department's clock stood still waiting for the caller, so the light does not count it as used.
alter table assignment add column paused_working_seconds bigint not null default 0;

-- One real-world problem reported one or more times.
create table repeat_cluster (
    id                      bigserial primary key,
    first_ticket_id         bigint not null references ticket (id),
    district                varchar(20),
    place                   varchar(200),
    problem_kind            varchar(40),
    report_count            int not null,
    caller_count            int not null,
    first_at                timestamptz not null,
    last_at                 timestamptz not null,
    -- When a department last declared the problem handled (a RESOLVED reply); a report after it is the loop.
    handled_at              timestamptz,
    reported_after_handled  boolean not null default false
);
create index repeat_cluster_last on repeat_cluster (last_at desc);

alter table ticket add column cluster_id bigint references repeat_cluster (id);
alter table ticket add column repeat_of bigint references ticket (id);
alter table ticket add column repeat_score double precision;
alter table ticket add column repeat_reasons text[];
alter table ticket add column problem_kind varchar(40);
-- Up to three suggested departments at intake, kept so the consoles and routing accuracy can show them later.
alter table ticket add column suggested_departments jsonb;
create index ticket_cluster on ticket (cluster_id, received_at) where cluster_id is not null;
create index ticket_district_received on ticket (district, received_at);

-- Place keys of non-inquiry tickets: candidates for repeat detection come from here, bounded by key and time.
create table repeat_place_key (
    place_key    varchar(80) not null,
    received_at  timestamptz not null,
    ticket_id    bigint not null references ticket (id)
);
create index repeat_place_key_lookup on repeat_place_key (place_key, received_at desc);
create index repeat_place_key_ticket on repeat_place_key (ticket_id);

-- Agents' and coordinators' decisions on repeat links; replayed into the detector on start-up.
create table repeat_decision (
    id               bigserial primary key,
    ticket_id        bigint not null references ticket (id),
    other_ticket_id  bigint not null references ticket (id),
    same_problem     boolean not null,
    kind             varchar(12) not null,
    actor            varchar(64) not null,
    at               timestamptz not null,
    note             varchar(500),
    constraint repeat_decision_kind_known check (kind in ('CONFIRM', 'REJECT', 'MERGE', 'SPLIT'))
);

-- What departments actually handled (positive) or returned (negative): the routing model's history, in order,
-- so every instance can learn what the others saw.
create table routing_example (
    seq          bigserial primary key,
    ticket_id    bigint not null references ticket (id),
    department   varchar(40) not null references department (code),
    positive     boolean not null,
    text         varchar(2100) not null,
    category     varchar(50),
    at           timestamptz not null
);

-- Admin-editable routing rules: a keyword or a category sends matters to a department.
create table routing_rule (
    id          bigserial primary key,
    keyword     varchar(50),
    category    varchar(50),
    department  varchar(40) not null references department (code),
    weight      double precision not null,
    constraint routing_rule_has_trigger check (keyword is not null or category is not null)
);

-- 督办: a problem the coordination center supervises across departments.
create table supervision_case (
    id                bigserial primary key,
    version           int not null,
    status            varchar(12) not null,
    triggers          text[] not null,
    reasons           text[] not null,
    cluster_id        bigint references repeat_cluster (id),
    district          varchar(20),
    summary           varchar(200) not null,
    opened_at         timestamptz not null,
    lead_department   varchar(40) references department (code),
    co_departments    text[] not null default '{}',
    deadline          timestamptz,
    notice_text       varchar(2000),
    notice_issued_at  timestamptz,
    resolved_at       timestamptz,
    closed_at         timestamptz,
    constraint supervision_case_status_known check (status in ('OPEN', 'ASSIGNED', 'RESOLVED', 'CLOSED'))
);
create index supervision_case_open on supervision_case (opened_at desc) where status <> 'CLOSED';
-- At most one unclosed case per cluster: every new trigger on the same problem joins it.
create unique index supervision_case_one_per_cluster on supervision_case (cluster_id) where status <> 'CLOSED' and cluster_id is not null;

create table supervision_case_ticket (
    case_id    bigint not null references supervision_case (id),
    ticket_id  bigint not null references ticket (id),
    primary key (case_id, ticket_id)
);
create index supervision_case_ticket_ticket on supervision_case_ticket (ticket_id);

create table supervision_case_event (
    id          bigserial primary key,
    case_id     bigint not null references supervision_case (id),
    at          timestamptz not null,
    actor       varchar(64) not null,
    action      varchar(30) not null,
    department  varchar(40),
    note        text
);
create index supervision_case_event_case on supervision_case_event (case_id, id);
create function append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', TG_TABLE_NAME;
end $$;
create trigger supervision_case_event_append_only before update or delete on supervision_case_event
    for each row execute function append_only();

-- A department reply flagged as a template or as saying nothing concrete, waiting for the coordinator.
create table reply_flag (
    id             bigserial primary key,
    ticket_id      bigint not null references ticket (id),
    assignment_id  bigint not null references assignment (id),
    department     varchar(40) not null references department (code),
    flagged_at     timestamptz not null,
    near_copy      boolean not null,
    vague          boolean not null,
    reasons        text[] not null,
    copies         jsonb not null,
    status         varchar(10) not null default 'PENDING',
    decided_by     varchar(64),
    decided_at     timestamptz,
    decision_note  varchar(500),
    constraint reply_flag_status_known check (status in ('PENDING', 'ACCEPTED', 'SENT_BACK'))
);
create index reply_flag_pending on reply_flag (flagged_at) where status = 'PENDING';
create index reply_flag_department on reply_flag (department, flagged_at);
create index assignment_department_replied on assignment (department_code, replied_at desc) where replied_at is not null;
