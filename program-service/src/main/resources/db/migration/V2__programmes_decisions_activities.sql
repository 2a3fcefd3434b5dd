create table donors (
    id              varchar(100) primary key,
    name            varchar(200) not null,
    iati_identifier varchar(100) not null,
    type            varchar(30)  not null
);

create table programmes (
    code                 varchar(20)    primary key,
    name                 varchar(200)   not null,
    thematic_areas       jsonb          not null,
    currency             char(3)        not null,
    iati_activity_prefix varchar(100)   not null,
    pledged              numeric(17, 2) not null default 0,
    received             numeric(17, 2) not null default 0,
    committed            numeric(17, 2) not null default 0,
    disbursed            numeric(17, 2) not null default 0,
    version              bigint         not null,
    -- the rule the service enforces, kept by the database too
    constraint programmes_never_over_committed check (committed <= received)
);

create table fundings (
    id                bigserial      primary key,
    programme_code    varchar(20)    not null references programmes (code),
    donor_id          varchar(100)   not null references donors (id),
    kind              varchar(20)    not null,
    amount            numeric(17, 2) not null check (amount > 0),
    original_amount   numeric(17, 2),
    original_currency char(3),
    exchange_rate     numeric(19, 8),
    value_date        date           not null,
    recorded_at       timestamptz    not null
);
create index fundings_programme on fundings (programme_code);
create index fundings_donor on fundings (donor_id);

-- money set aside for one approved request, and what its deliveries disbursed of it
create table commitments (
    request_id     uuid           primary key,
    programme_code varchar(20)    not null references programmes (code),
    amount         numeric(17, 2) not null check (amount > 0),
    disbursed      numeric(17, 2) not null default 0,
    committed_at   timestamptz    not null,
    constraint commitments_never_over_disbursed check (disbursed <= amount)
);

alter table review_cases add column programme_code varchar(20);
alter table review_cases add column approved_amount numeric(17, 2);
alter table review_cases add column pending_approval jsonb;
alter table review_cases add column decided_by jsonb;
alter table review_cases add column decided_at timestamptz;
alter table review_cases add column decision_note text;

create table activities (
    id                   uuid           primary key,
    request_id           uuid           not null,
    programme_code       varchar(20)    not null,
    kind                 varchar(30)    not null,
    title                varchar(200)   not null,
    planned_start        date           not null,
    planned_end          date           not null,
    expected_participants int           not null,
    status               varchar(20)    not null,
    actual_start         date,
    actual_end           date,
    participants_women   int,
    participants_men     int,
    participants_total   int,
    authorities_reached  jsonb,
    outcome              text,
    disbursed            numeric(17, 2),
    delivered_at         timestamptz,
    version              bigint         not null
);
create index activities_request on activities (request_id);
