-- The chassis' own tables, in every service's database (Flyway finds this file in the chassis jar).

-- Events recorded in the same transaction as the state change; the relay publishes them in seq order.
create table outbox (
    seq         bigserial    primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    event_type  varchar(200) not null,
    source      varchar(200) not null,
    occurred_at timestamptz  not null,
    payload     text         not null,
    sent_at     timestamptz
);
create index outbox_unsent on outbox (seq) where sent_at is null;
create index outbox_sent on outbox (sent_at) where sent_at is not null;

-- Events a consumer has handled, recorded in the transaction that handled them (idempotency).
create table processed_events (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
