-- Issue 21: serial numbers at dispatch, the asset register and end-use checks.

-- One row per unit of equipment dispatched with a serial number, for as long as the platform
-- knows of it: dispatched, delivered, then received or rejected by the partner. A serial number
-- is registered once, whichever shipment carried it. A unit is monitored when its item is
-- dual-use or its shipment was cleared under an export licence; its checks fall due on the days
-- of checks_due (fixed at delivery); next_check_due is the first of them not met yet.
create table assets (
    serial_number  varchar(64)  primary key,
    item_code      varchar(50)  not null,
    item_name      varchar(200) not null,
    category       varchar(30)  not null,
    dual_use       boolean      not null,
    monitored      boolean      not null,
    request_id     uuid         not null,
    shipment_id    uuid         not null references shipments (id),
    agency_id      varchar(100) not null,
    country        char(2)      not null,
    status         varchar(20)  not null,
    dispatched_at  timestamptz  not null,
    delivered_at   timestamptz,
    delivered_on   date,
    received_at    timestamptz,
    checks_due     jsonb        not null,
    checks         integer      not null default 0 check (checks >= 0),
    next_check_due date,
    version        bigint       not null,
    constraint asset_delivered_on_its_day check ((delivered_at is null) = (delivered_on is null))
);
create index assets_listing on assets (dispatched_at desc, serial_number);
create index assets_shipment on assets (shipment_id);
create index assets_request on assets (request_id);
create index assets_agency on assets (agency_id, dispatched_at desc);
create index assets_next_check_due on assets (next_check_due) where next_check_due is not null;

-- Someone saw (or looked for) a unit at its end user; the k-th check of a unit meets its k-th due date.
create table end_use_checks (
    id            uuid         primary key,
    serial_number varchar(64)  not null references assets (serial_number),
    check_number  integer      not null check (check_number >= 1),
    result        varchar(20)  not null,
    checked_at    date         not null,
    checked_by    varchar(200) not null,
    note          text,
    recorded_by   varchar(200) not null,
    recorded_at   timestamptz  not null,
    constraint end_use_check_numbered_once unique (serial_number, check_number)
);
