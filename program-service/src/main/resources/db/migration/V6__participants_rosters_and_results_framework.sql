-- The agency and State of each activity's request, copied onto the activity when it is planned: a
-- participant is one person across all the activities of the same agency (the agency's pseudonym), and
-- the roster's summary is published with the request's country. Existing activities take them from
-- their request's review case.
alter table activities add column agency_id varchar(100);
alter table activities add column country char(2);
update activities a set agency_id = r.agency_id, country = r.country
  from review_cases r where r.request_id = a.request_id;

-- Delivered counts of participants of other or undisclosed sex (0 for deliveries recorded before).
alter table activities add column participants_other int;
alter table activities add column participants_not_disclosed int;
update activities set participants_other = 0, participants_not_disclosed = 0 where participants_total is not null;

-- An activity's roster: who took part, by the agency's pseudonym for the person (never a name), with
-- their sex, optional role or rank and organisation, test scores, attendance and certificate. The
-- roster never leaves program-service; only what it adds up to is published.
create table activity_participants (
    id                  uuid          primary key,
    activity_id         uuid          not null references activities (id),
    agency_id           varchar(100)  not null,
    participant_id      varchar(64)   not null,
    sex                 varchar(20)   not null check (sex in ('FEMALE', 'MALE', 'OTHER', 'NOT_DISCLOSED')),
    role_or_rank        varchar(200),
    organisation        varchar(200),
    pre_test_score      numeric(5, 2) check (pre_test_score between 0 and 100),
    post_test_score     numeric(5, 2) check (post_test_score between 0 and 100),
    attendance_percent  int           check (attendance_percent between 0 and 100),
    certificate_issued  boolean       not null,
    recorded_by         varchar(200)  not null,
    recorded_at         timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null,
    constraint activity_participants_once unique (activity_id, participant_id)
);
-- one person's activities across the agency's: "returning" participants
create index activity_participants_person on activity_participants (agency_id, participant_id);

-- A programme's results framework: what it will measure (an output or an outcome), in which unit, from
-- which baseline to which target, the SDG target it serves, and whether the platform computes it.
create table indicators (
    id              uuid            primary key,
    programme_code  varchar(20)     not null references programmes (code),
    title           varchar(200)    not null,
    kind            varchar(10)     not null check (kind in ('OUTPUT', 'OUTCOME')),
    unit            varchar(40)     not null,
    baseline_value  numeric(17, 4),
    baseline_year   int,
    target_value    numeric(17, 4),
    target_year     int,
    sdg_target      varchar(5),
    computation     varchar(40),
    defined_by      varchar(200)    not null,
    defined_at      timestamptz     not null,
    version         bigint          not null
);
create index indicators_programme on indicators (programme_code, defined_at);

-- A value entered for an indicator the platform does not compute, for a period, with its source;
-- country and sex disaggregate it (both null: the programme's whole figure). One per indicator, period,
-- country and sex.
create table indicator_measurements (
    id            uuid            primary key,
    indicator_id  uuid            not null references indicators (id),
    period_start  date            not null,
    period_end    date            not null,
    value         numeric(17, 4)  not null,
    country       char(2),
    sex           varchar(20)     check (sex in ('FEMALE', 'MALE', 'OTHER', 'NOT_DISCLOSED')),
    source        varchar(500)    not null,
    note          varchar(2000),
    recorded_by   varchar(200)    not null,
    recorded_at   timestamptz     not null,
    constraint indicator_measurements_period check (period_end >= period_start)
);
create unique index indicator_measurements_once
    on indicator_measurements (indicator_id, period_start, period_end, coalesce(country, ''), coalesce(sex, ''));
