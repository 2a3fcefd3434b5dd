create table fixture_requests (
    id     uuid primary key,
    agency varchar(100) not null,
    title  varchar(200) not null
);
create table fixture_handled (
    event_id   uuid not null,
    request_id uuid not null,
    title      varchar(200) not null,
    handled_at timestamptz not null default now()
);
