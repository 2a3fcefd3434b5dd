create table warehouses (
    code    varchar(20)  primary key,
    name    varchar(200) not null,
    country char(2)      not null
);

-- on hand and reserved per warehouse and item; what is free is on_hand - reserved
create table stock_levels (
    warehouse varchar(20) not null references warehouses (code),
    item_code varchar(50) not null references catalogue_items (code),
    on_hand   int         not null default 0,
    reserved  int         not null default 0,
    primary key (warehouse, item_code),
    -- stock never goes negative, whatever the service does
    constraint stock_never_negative check (reserved >= 0 and reserved <= on_hand)
);

create table backorders (
    id         bigserial   primary key,
    request_id uuid        not null,
    agency_id  varchar(100) not null,
    item_code  varchar(50) not null,
    quantity   int         not null check (quantity > 0),
    created_at timestamptz not null
);
create index backorders_request on backorders (request_id);

create table export_rules (
    id          uuid         primary key,
    destination varchar(2)   not null,
    target      varchar(30)  not null,
    measure     varchar(20)  not null,
    reference   varchar(200) not null,
    reason      text         not null,
    created_at  timestamptz  not null
);

alter table shipments add column hits jsonb not null default '[]';
alter table shipments add column held_at timestamptz;
alter table shipments add column held_seconds bigint not null default 0;
alter table shipments add column licence_reference varchar(100);
alter table shipments add column licence_date date;
alter table shipments add column mode varchar(10);
alter table shipments add column carrier varchar(200);
alter table shipments add column tracking_reference varchar(200);
alter table shipments add column expected_delivery date;
alter table shipments add column dispatched_at timestamptz;
alter table shipments add column delivered_at timestamptz;
alter table shipments add column received_at timestamptz;
alter table shipments add column receipt_lines jsonb;
alter table shipments add column milestones jsonb not null default '[]';
alter table shipments add column cancellation_reason text;
