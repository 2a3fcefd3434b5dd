create table timeline_entries (
    seq         bigserial    primary key,
    event_id    uuid         not null unique,
    request_id  uuid         not null,
    event_type  varchar(200) not null,
    source      varchar(200) not null,
    occurred_at timestamptz  not null,
    summary     text         not null
);
create index timeline_entries_request on timeline_entries (request_id, occurred_at, seq);

create table request_owners (
    request_id uuid         primary key,
    agency_id  varchar(100) not null
);
