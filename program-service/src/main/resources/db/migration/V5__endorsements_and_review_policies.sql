-- The State's endorsement of a request, as request-service announces it (endorsed / endorsement-declined):
-- the latest decision of the State's focal point per request. Kept apart from review_cases, with no
-- reference to it, so an endorsement that arrives before its request's case is opened is not lost.
create table endorsements (
    request_id   uuid          primary key,
    agency_id    varchar(100),
    country      char(2),
    decision     varchar(10)   not null check (decision in ('ENDORSED', 'DECLINED')),
    reference    varchar(100),
    comment      varchar(2000),
    focal_point  varchar(200),
    decided_at   timestamptz   not null
);

-- Per State: whether approving its requests waits for the State's endorsement. A State without a row
-- does not wait.
create table review_policies (
    country                        char(2)      primary key,
    review_waits_for_endorsement   boolean      not null,
    set_by                         varchar(200) not null,
    set_at                         timestamptz  not null
);

-- the national priority the request answers (request-service's priority id), when it names one
alter table review_cases add column priority_id uuid;
