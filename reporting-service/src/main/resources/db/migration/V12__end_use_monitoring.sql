-- Equipment after delivery: the units whose end use is monitored (as equipment-service started
-- monitoring them, with the days their checks fall due), what the partner's receipt accepted of
-- lines dispatched with serial numbers (a unit missing from it was rejected and leaves
-- monitoring), the end-use checks recorded, and items' names as shipments planned them. Each
-- table holds facts, not transitions, so the order events arrive in does not matter.
create table end_use_units (
    shipment_id      uuid not null,
    item_code        text not null,
    serial_number    text not null,
    request_id       uuid not null,
    agency_id        text,
    country          text,
    checks_due       jsonb not null default '[]',
    delivered_at     timestamptz,
    started_at       timestamptz not null,
    primary key (shipment_id, item_code, serial_number)
);
create index end_use_units_request on end_use_units (request_id);
create index end_use_units_country on end_use_units (country);

create table end_use_receipts (
    shipment_id      uuid not null,
    item_code        text not null,
    serials_accepted jsonb not null default '[]',
    received_at      timestamptz not null,
    primary key (shipment_id, item_code)
);

create table end_use_checks (
    check_id         uuid primary key,
    shipment_id      uuid not null,
    item_code        text not null,
    serial_number    text not null,
    request_id       uuid not null,
    country          text,
    check_number     int not null,
    result           text not null,
    checked_at       date not null,
    recorded_at      timestamptz
);
create index end_use_checks_unit on end_use_checks (shipment_id, item_code, serial_number);

create table item_names (
    item_code        text primary key,
    item_name        text not null,
    named_at         timestamptz not null
);
