-- Dead letters (org.assistance.chassis.deadletters): each record a consumer of this service parked on a
-- dead-letter topic is also kept here, whole (key, value, headers), so staff can list it, read it and,
-- once its cause is fixed, replay it through the consumer's normal idempotent path or discard it with
-- a reason. The topic stays the record of what happened; this table is where it is dealt with.
create table dead_letters (
    id                 uuid         primary key,  -- time-ordered: the listing's order and cursor
    consumer           varchar(100) not null,
    topic              varchar(200) not null,
    partition_no       integer      not null,
    offset_no          bigint       not null,
    record_key         varchar(500),
    record_value       bytea,
    headers            jsonb        not null,     -- [{"name":..., "value": base64}], in order
    event_id           varchar(200),
    event_type         varchar(200),
    reason             varchar(2000) not null,
    exception          varchar(300) not null,
    dead_lettered_at   timestamptz  not null,
    status             varchar(20)  not null default 'PENDING'
                       check (status in ('PENDING', 'REPLAYED', 'DISCARDED')),
    resolved_at        timestamptz,
    resolved_by        varchar(200),
    resolution         varchar(2000),             -- the outcome of the replay, or why it was discarded
    replay_attempts    integer      not null default 0,
    last_replay_failure varchar(2000),
    -- a record redelivered after a crash (before its offset was committed) is parked once
    unique (consumer, topic, partition_no, offset_no)
);
create index dead_letters_pending on dead_letters (status, id);
