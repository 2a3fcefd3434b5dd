create table catalogue_items (
    code                 varchar(50)    primary key,
    name                 varchar(200)   not null,
    category             varchar(30)    not null,
    unit_cost            numeric(17, 2) not null check (unit_cost > 0),
    currency             char(3)        not null,
    dual_use             boolean        not null,
    export_control_class varchar(20)
);

create table shipments (
    id                  uuid         primary key,
    request_id          uuid         not null,
    agency_id           varchar(100) not null,
    destination_country char(2)      not null,
    warehouse           varchar(50)  not null,
    status              varchar(20)  not null,
    lines               jsonb        not null,
    planned_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);
create index shipments_request on shipments (request_id);
create index shipments_agency on shipments (agency_id, planned_at desc);
