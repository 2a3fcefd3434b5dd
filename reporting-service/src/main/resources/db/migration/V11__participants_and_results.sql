-- Participants, aggregates only: each delivered activity's counts as its delivery told them, and
-- the latest summary of its roster (a later one replaces the earlier). A request's participants
-- are its delivered activities' counts, the roster's where one exists; nothing about any one
-- participant is ever kept here.
create table activity_participants (
    activity_id    uuid primary key,
    request_id     uuid        not null,
    programme_code varchar(20),
    kind           varchar(40),
    women          int         not null default 0,
    men            int         not null default 0,
    other          int         not null default 0,
    not_disclosed  int         not null default 0,
    total          int         not null default 0,
    delivered_at   timestamptz not null
);
create index activity_participants_request on activity_participants (request_id);

create table activity_rosters (
    activity_id        uuid primary key,
    request_id         uuid        not null,
    programme_code     varchar(20),
    country            char(2),
    kind               varchar(40),
    total              int         not null default 0,
    women              int         not null default 0,
    men                int         not null default 0,
    other              int         not null default 0,
    not_disclosed      int         not null default 0,
    completed          int         not null default 0,
    certified          int         not null default 0,
    returning_participants int     not null default 0,
    average_score_gain numeric(9, 2),
    recorded_at        timestamptz not null
);
create index activity_rosters_request on activity_rosters (request_id);

-- the request's participants as the dashboard and the donor feeds read them (recomputed from the
-- two tables above whenever an activity's delivery or roster arrives). The score gain is kept as
-- a sum weighted by each roster's participants, so averages over many requests stay exact.
alter table request_facts
    add column participants_other         int     not null default 0,
    add column participants_not_disclosed int     not null default 0,
    add column participants_total         int     not null default 0,
    add column participants_rostered      int     not null default 0,
    add column participants_completed     int     not null default 0,
    add column participants_certified     int     not null default 0,
    add column score_gain_weighted        numeric not null default 0,
    add column score_gain_participants    int     not null default 0;

-- each confirmed receipt's accepted units, by the day of the receipt (the results framework
-- counts equipment accepted per calendar year)
create table receipt_facts (
    event_id    uuid primary key,
    request_id  uuid        not null,
    shipment_id uuid,
    accepted    int         not null default 0,
    received_at timestamptz not null
);
create index receipt_facts_request on receipt_facts (request_id);

-- A programme's results framework: its indicators (a later definition replaces the earlier) and
-- the measurements entered for those the platform does not compute.
create table indicator_definitions (
    indicator_id   uuid primary key,
    programme_code varchar(20) not null,
    title          text        not null,
    kind           varchar(10) not null,
    unit           varchar(40) not null,
    baseline_value numeric,
    baseline_year  int,
    target_value   numeric,
    target_year    int,
    sdg_target     varchar(10),
    computation    varchar(40),
    defined_by     text,
    defined_at     timestamptz not null
);
create index indicator_definitions_programme on indicator_definitions (programme_code);

create table indicator_measurements (
    measurement_id uuid primary key,
    indicator_id   uuid        not null,
    programme_code varchar(20) not null,
    period_start   date        not null,
    period_end     date        not null,
    value          numeric     not null,
    country        char(2),
    sex            varchar(20),
    source         text,
    note           text,
    recorded_by    text,
    recorded_at    timestamptz not null
);
create index indicator_measurements_indicator on indicator_measurements (indicator_id);
