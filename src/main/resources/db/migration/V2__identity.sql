-- Built-in accounts. Passwords are bcrypt hashes in modular-crypt format; roles are one of
-- AGENT, DEPARTMENT, COORDINATOR, KB_EDITOR, ADMIN. A DEPARTMENT account belongs to exactly one department.
create table account (
    id               bigserial primary key,
    username         varchar(64) not null unique,
    password_hash    varchar(100) not null,
    role             varchar(20) not null,
    department_code  varchar(40) references department (code),
    display_name     varchar(100) not null,
    created_at       timestamptz not null default now(),
    constraint account_role_known check (role in ('AGENT', 'DEPARTMENT', 'COORDINATOR', 'KB_EDITOR', 'ADMIN')),
    constraint account_department_iff_department_role
        check ((role = 'DEPARTMENT') = (department_code is not null))
);
