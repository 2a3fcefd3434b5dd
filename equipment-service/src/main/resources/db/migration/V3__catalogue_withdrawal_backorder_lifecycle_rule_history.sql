-- Issue 15: the catalogue published (withdrawn items kept), backorders followed to their end,
-- export rules retired rather than deleted.

-- A withdrawn item stays in the catalogue (shipments and history name it) but can no longer be approved.
alter table catalogue_items add column withdrawn_at timestamptz;
alter table catalogue_items add column withdrawal_reason text;
alter table catalogue_items add column withdrawn_by varchar(200);

-- Each request's priority as request-service last published it (submitted or amended):
-- backorders are fulfilled highest priority first.
create table request_priorities (
    request_id uuid        primary key,
    priority   varchar(10) not null,
    updated_at timestamptz not null
);

-- Approvals already turned into shipments, backorders or refused lines: each is planned once,
-- even if program-service published it twice.
create table approved_requests (
    request_id uuid        primary key,
    handled_at timestamptz not null
);
insert into approved_requests (request_id, handled_at)
select request_id, min(at) from (
    select request_id, planned_at as at from shipments
    union all
    select request_id, created_at as at from backorders) handled
group by request_id;

-- A backorder waits (OPEN) until stock received fulfils it, possibly in parts, or logistics cancels it.
alter table backorders add column remaining int;
update backorders set remaining = quantity;
alter table backorders alter column remaining set not null;
alter table backorders add constraint backorder_remaining_within_quantity check (remaining >= 0 and remaining <= quantity);
alter table backorders add column status varchar(20) not null default 'OPEN';
alter table backorders add column priority varchar(10) not null default 'MEDIUM';
-- where its shipments go: known from the approval (older backorders from their request's shipments)
alter table backorders add column destination_country char(2);
update backorders b set destination_country =
    (select s.destination_country from shipments s where s.request_id = b.request_id limit 1);
alter table backorders add column cancellation_reason text;
alter table backorders add column cancelled_by varchar(200);
alter table backorders add column updated_at timestamptz;
update backorders set updated_at = created_at;
alter table backorders alter column updated_at set not null;
alter table backorders add column version bigint not null default 0;
create index backorders_open_by_item on backorders (item_code, created_at) where status = 'OPEN';

alter table shipments add column cancelled_by varchar(200);

-- Rules are never deleted: changed (earlier versions kept in revisions) or retired with who, when and why.
alter table export_rules add column created_by varchar(200);
alter table export_rules add column changed_at timestamptz;
alter table export_rules add column changed_by varchar(200);
alter table export_rules add column revisions jsonb not null default '[]';
alter table export_rules add column retired_at timestamptz;
alter table export_rules add column retired_by varchar(200);
alter table export_rules add column retirement_reason text;
