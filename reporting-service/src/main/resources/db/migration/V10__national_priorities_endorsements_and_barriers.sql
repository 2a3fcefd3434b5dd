-- The State's voice: the national priorities a State's focal point stated (a later statement of
-- one priority replaces the earlier), the priority each request names, and the focal point's
-- endorsement of each request (a later decision replaces the earlier).
create table national_priorities (
    priority_id uuid primary key,
    country text not null,
    rank int not null,
    title text,
    thematic_area text,
    assistance_types jsonb,
    strategy_reference text,
    period_from date,
    period_to date,
    stated_by text,
    stated_at timestamptz not null
);
create index national_priorities_by_country on national_priorities (country, rank);

create table request_priorities (
    request_id uuid primary key,
    priority_id uuid,
    named_at timestamptz not null
);

create table request_endorsements (
    request_id uuid primary key,
    country text,
    decision varchar(20) not null,
    reference text,
    focal_point text,
    decided_at timestamptz not null
);

-- Barriers: the shipment events the barriers report is computed from, as facts (planned lines
-- with their unit cost, holds with the screening hits' basis, clearances, lines removed,
-- cancellations, impediments recorded and resolved). The report folds them when it is read.
create table barrier_events (
    event_id uuid primary key,
    shipment_id uuid not null,
    request_id uuid,
    kind varchar(30) not null,
    destination text,
    occurred_at timestamptz not null,
    detail jsonb not null
);
create index barrier_events_by_shipment on barrier_events (shipment_id);
create index barrier_events_barriers_by_destination on barrier_events (destination, kind)
    where kind in ('HELD', 'IMPEDIMENT_RECORDED');
