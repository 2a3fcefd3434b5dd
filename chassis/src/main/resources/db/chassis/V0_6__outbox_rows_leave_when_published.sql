-- The relay deletes the rows it has published, in the transaction in which Kafka acknowledged them,
-- instead of setting sent_at: updating an indexed column per event wrote a new row version and new
-- entries in every index of the table, and the table (and the relay's scan) grew with the retention.
-- A row in outbox is now always an event not yet published, read in seq order through the primary key.
-- What was published, and when, is kept in outbox_published for the retention period (operators,
-- the commit-to-acknowledgement lag): written once per event in the relay's own statement, without
-- a B-tree (a BRIN index on sent_at, almost free on an append-only table, serves the hourly purge).
create table outbox_published (
    seq         bigint       not null,
    event_id    uuid         not null,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    event_type  varchar(200) not null,
    occurred_at timestamptz  not null,
    sent_at     timestamptz  not null
);
create index outbox_published_sent_at on outbox_published using brin (sent_at);

insert into outbox_published (seq, event_id, topic, event_key, event_type, occurred_at, sent_at)
select seq, event_id, topic, event_key, event_type, occurred_at, sent_at from outbox where sent_at is not null order by seq;
delete from outbox where sent_at is not null;

drop index outbox_unsent;
drop index outbox_sent;
alter table outbox drop column sent_at;
