-- The audit trail (org.assistance.chassis.audit): every change made by staff or admins, written in the
-- transaction of the change itself, so a change without its entry (or an entry without its change)
-- cannot commit. Entries are kept: the triggers below refuse UPDATE, DELETE and TRUNCATE to everyone,
-- the service's own database user included, so no API, bug or clean-up can rewrite the past.
create table audit_entries (
    id          uuid         primary key,  -- time-ordered (UUIDv7): the listing's order and cursor
    recorded_at timestamptz  not null,
    actor       varchar(200) not null,     -- the token's subject, or "system" for the platform's own work
    actor_roles varchar(200) not null,
    kind        varchar(60)  not null,     -- what was changed: export-rule, donor, dead-letter...
    subject     varchar(200) not null,     -- which one: its id or code
    action      varchar(60)  not null,     -- created, changed, removed, replayed, discarded...
    before      jsonb,                     -- null when created
    after       jsonb,                     -- null when removed
    trace_id    varchar(32)
);
create index audit_entries_by_kind on audit_entries (kind, id);
create index audit_entries_by_actor on audit_entries (actor, id);
create index audit_entries_by_time on audit_entries (recorded_at);

create function audit_entries_are_kept() returns trigger language plpgsql as $$
begin
    raise exception 'audit entries are kept: % on audit_entries is refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_entries_no_update_or_delete before update or delete on audit_entries
    for each row execute function audit_entries_are_kept();
create trigger audit_entries_no_truncate before truncate on audit_entries
    for each statement execute function audit_entries_are_kept();
