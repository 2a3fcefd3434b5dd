-- How much of each approved item went where, to follow an equipment line to its end before
-- request-service reports the request's: quantities per shipment line (minus lines removed at
-- clearance), backorders, and lines equipment-service refused.
create table shipment_lines (
    shipment_id uuid        not null,
    item_code   varchar(60) not null,
    request_id  uuid        not null,
    quantity    int         not null default 0,
    removed     int         not null default 0,
    primary key (shipment_id, item_code)
);
create index shipment_lines_request on shipment_lines (request_id);

create table backorder_facts (
    backorder_id bigint      not null,
    request_id   uuid        not null,
    item_code    varchar(60) not null,
    quantity     int         not null default 0,
    fulfilled    int         not null default 0,
    cancelled    int         not null default 0,
    reason       text,
    primary key (request_id, backorder_id)
);

create table refused_lines (
    event_id   uuid        primary key,
    request_id uuid        not null,
    item_code  varchar(60) not null,
    quantity   int         not null,
    reason     text
);
create index refused_lines_request on refused_lines (request_id);
