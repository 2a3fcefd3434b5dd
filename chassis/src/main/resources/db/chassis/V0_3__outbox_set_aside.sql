-- Outbox rows Kafka refused for good (too large, invalid): kept here with the reason, out of the
-- relay's way so the rows after them flow; an operator reads, fixes and re-records them.
create table outbox_set_aside (
    seq          bigint       primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    event_key    varchar(200) not null,
    event_type   varchar(200) not null,
    source       varchar(200) not null,
    occurred_at  timestamptz  not null,
    payload      text         not null,
    reason       varchar(1000) not null,
    set_aside_at timestamptz  not null default now()
);
