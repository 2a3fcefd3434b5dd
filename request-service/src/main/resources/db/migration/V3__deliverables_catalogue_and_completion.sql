-- Each approved component of a request, followed from events only: one row per approved item
-- code ("item:<code>", quantities in units) and one per approved activity (its id, quantity 1).
-- A row may exist before the approval is known (shipment events travel on another topic);
-- "approved" says whether it is part of the request yet.
create table deliverables (
    id                 bigserial    primary key,
    request_id         uuid         not null references assistance_requests (id),
    deliverable_id     varchar(120) not null,
    kind               varchar(40)  not null,
    description        varchar(300),
    approved           boolean      not null,
    quantity           integer      not null,
    quantity_delivered integer      not null,
    quantity_cancelled integer      not null,
    quantity_waiting   integer      not null,
    -- per shipment of this item: units still in it and how far it got
    shipments          jsonb        not null,
    state              varchar(20)  not null,
    reason             text,
    started_at         timestamptz,
    updated_at         timestamptz  not null,
    unique (request_id, deliverable_id)
);

-- Local copy of equipment-service's catalogue (compacted topic assistance.catalogue).
create table catalogue_copy (
    item_code         varchar(100)   primary key,
    name              text,
    category          text,
    dual_use          boolean        not null default false,
    unit_price        numeric,
    unit_currency     char(3),
    withdrawn         boolean        not null default false,
    withdrawal_reason text,
    changed_at        timestamptz    not null
);

alter table assistance_requests
    add column delivered_at       timestamptz,
    add column closed_at          timestamptz,
    add column satisfaction       smallint,
    add column completion_comment text;
-- the automatic close looks for requests delivered long enough ago
create index assistance_requests_delivered on assistance_requests (delivered_at) where status = 'DELIVERED';
-- requests delivered before this change: their delivery time from the history, so they close automatically too
update assistance_requests r
   set delivered_at = (select max(c.changed_at) from request_status_changes c
                        where c.request_id = r.id and c.to_status = 'DELIVERED')
 where r.status = 'DELIVERED';
