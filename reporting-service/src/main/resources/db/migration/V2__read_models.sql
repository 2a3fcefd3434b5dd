-- One row per request: where it stands and when each milestone happened. Every column is set
-- so that the order events arrive in does not matter (first/last times, facts not transitions).
create table request_facts (
    request_id               uuid primary key,
    agency_id                varchar(100),
    country                  char(2),
    thematic_area            varchar(40),
    priority                 varchar(10),
    title                    varchar(200),
    desired_by               date,
    submitted_at             timestamptz,
    information_requested_at timestamptz,
    approved_at              timestamptz,
    rejected_at              timestamptz,
    withdrawn_at             timestamptz,
    first_dispatch_at        timestamptz,
    delivered_at             timestamptz,
    received_at              timestamptz,
    partial                  boolean,
    programme_code           varchar(20),
    donors                   jsonb       not null default '[]',
    approved_amount          numeric(17, 2),
    approved_currency        char(3),
    approved_units           int         not null default 0,
    accepted_units           int         not null default 0,
    rejected_units           int         not null default 0,
    participants_women       int         not null default 0,
    participants_men         int         not null default 0,
    activities_delivered     int         not null default 0,
    updated_at               timestamptz not null default now()
);
create index request_facts_submitted on request_facts (submitted_at);

create table shipment_facts (
    shipment_id       uuid primary key,
    request_id        uuid        not null,
    destination       char(2),
    categories        jsonb       not null default '[]',
    units             int         not null default 0,
    value_amount      numeric(17, 2),
    value_currency    char(3),
    planned_at        timestamptz,
    held_at           timestamptz,
    held_categories   jsonb       not null default '[]',
    cleared_at        timestamptz,
    held_seconds      bigint      not null default 0,
    dispatched_at     timestamptz,
    mode              varchar(10),
    expected_delivery date,
    delivered_at      timestamptz,
    received_at       timestamptz
);
create index shipment_facts_request on shipment_facts (request_id);

-- money committed (approvals) and disbursed (deliveries), per event
create table money_facts (
    event_id       uuid primary key,
    request_id     uuid           not null,
    programme_code varchar(20),
    kind           varchar(20)    not null,
    amount         numeric(17, 2) not null,
    currency       char(3)        not null,
    occurred_at    timestamptz    not null
);
create index money_facts_request on money_facts (request_id);

-- donors as the events name them (for feeds: names and IATI organisation identifiers)
create table donor_directory (
    donor_id        varchar(100) primary key,
    name            varchar(200) not null,
    iati_identifier varchar(100)
);

-- every change of a request's facts carries the id of the transaction that made it: a feed
-- reads only changes of transactions older than every running one, so a client following its
-- cursor sees every change exactly once, even while events keep arriving
alter table request_facts add column changed_xid xid8;
create function request_facts_changed() returns trigger language plpgsql as $$
begin
    new.changed_xid := pg_current_xact_id();
    return new;
end $$;
create trigger request_facts_changed before insert or update on request_facts
    for each row execute function request_facts_changed();
create index request_facts_changes on request_facts (changed_xid);
