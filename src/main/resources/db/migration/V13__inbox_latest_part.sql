-- A department's inbox lists only its latest part of each ticket: when a ticket comes back to the same department
-- (重办, a second dispatch), the earlier part is superseded. Marked when the new part is created, so that counting a
-- department's tabs reads one index instead of checking every row for a later part.
alter table assignment add column superseded boolean not null default false;

update assignment a set superseded = true
where exists (select 1 from assignment b
              where b.ticket_id = a.ticket_id and b.department_code = a.department_code
                and (b.dispatched_at > a.dispatched_at or (b.dispatched_at = a.dispatched_at and b.id > a.id)));

-- Tab counts (department, status) and the replied tab's order, newest reply first.
create index assignment_inbox on assignment (department_code, status, replied_at desc, id desc) where not superseded;
