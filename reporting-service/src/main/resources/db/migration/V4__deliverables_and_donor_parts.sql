-- The request's end as request-service tells it (every assistance type, not only shipments)
alter table request_facts
    add column assistance_types      jsonb not null default '[]',
    add column delivery_started_at   timestamptz,
    add column cancelled_at          timestamptz,
    add column closed_at             timestamptz,
    add column satisfaction          int,
    add column closed_automatically  boolean,
    add column activities_cancelled  int not null default 0;

-- shipments: held again after a clearance (a rule added later), and cancelled
alter table shipment_facts
    add column last_held_at timestamptz,
    add column cancelled_at timestamptz,
    add column item_codes   jsonb not null default '[]';

-- one approved component of a request: an equipment line (item:<code>) or an activity.
-- settled = its end as request-service reported it (request delivered/cancelled): final.
create table deliverable_facts (
    request_id         uuid         not null,
    deliverable_id     varchar(120) not null,
    kind               varchar(40)  not null,
    description        varchar(300),
    quantity           int          not null default 0,
    quantity_delivered int          not null default 0,
    quantity_cancelled int          not null default 0,
    state              varchar(20)  not null,
    reason             text,
    settled            boolean      not null default false,
    primary key (request_id, deliverable_id)
);

-- the raw donor facts of a money event (as it came, for attribution whatever the order):
-- its own split (null in first-version events) and the donors it named
alter table money_facts
    add column split  jsonb,
    add column donors jsonb not null default '[]';

-- each money event's amount attributed to donors, parts adding up exactly to the amount;
-- derived from money_facts of the request (recomputed whenever one of its facts arrives)
create table money_parts (
    event_id   uuid           not null,
    donor_id   varchar(100)   not null,
    request_id uuid           not null,
    amount     numeric(17, 2) not null,
    currency   char(3)        not null,
    primary key (event_id, donor_id)
);
create index money_parts_request on money_parts (request_id);
