create table assistance_requests (
    id                 uuid         primary key,
    agency_id          varchar(100) not null,
    country            char(2)      not null,
    authority_name     varchar(200) not null,
    authority_kind     varchar(20)  not null,
    thematic_area      varchar(40)  not null,
    assistance_types   jsonb        not null,
    priority           varchar(10)  not null,
    title              varchar(200) not null,
    needs_statement    text         not null,
    desired_by         date         not null,
    equipment_lines    jsonb        not null,
    training_needs     jsonb        not null,
    estimated_amount   numeric(17, 2),
    estimated_currency char(3),
    status             varchar(30)  not null,
    submitted_at       timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);
-- the list's keyset order, per agency and overall
create index assistance_requests_agency_order on assistance_requests (agency_id, submitted_at desc, id desc);
create index assistance_requests_order on assistance_requests (submitted_at desc, id desc);

create table request_status_changes (
    id          bigserial    primary key,
    request_id  uuid         not null references assistance_requests (id),
    from_status varchar(30),
    to_status   varchar(30)  not null,
    changed_at  timestamptz  not null,
    actor       varchar(200) not null,
    reason      text
);
create index request_status_changes_request on request_status_changes (request_id, changed_at);
