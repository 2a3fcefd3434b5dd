-- The conversation of a request: messages between its partner agency and the programme's staff,
-- and notes between staff only (INTERNAL), which the partner never reads.
-- The id is a UUIDv7 made by the service, so the primary key orders a thread oldest first.
create table request_messages (
    id            uuid primary key,
    request_id    uuid not null references assistance_requests (id),
    agency_id     varchar(100) not null,
    visibility    varchar(30) not null check (visibility in ('PARTNER_AND_PROGRAMME', 'INTERNAL')),
    author_role   varchar(20) not null,
    author        varchar(200) not null,
    body          text not null check (char_length(body) between 1 and 10000),
    in_reply_to   uuid references request_messages (id),
    answers_information_request boolean not null default false,
    posted_at     timestamptz not null
);
-- a thread a page at a time, oldest first; the partner's reads skip internal notes
create index request_messages_thread on request_messages (request_id, id);
