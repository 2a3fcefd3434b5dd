-- a State's national priorities for technical assistance, stated by its focal point (or an admin for it)
create table national_priorities (
    id                 uuid         primary key,
    country            char(2)      not null,
    rank               integer      not null check (rank between 1 and 100),
    title              varchar(200) not null,
    thematic_area      varchar(40)  not null,
    assistance_types   jsonb        not null,
    strategy_reference varchar(500) not null,
    period_from        date         not null,
    period_to          date         not null check (period_to >= period_from),
    stated_by          varchar(200) not null,
    stated_at          timestamptz  not null
);
-- a State's list, by rank
create index national_priorities_of_country on national_priorities (country, rank, stated_at);

-- the priority a request answers (one of its own State's), and the State's endorsement of it
alter table assistance_requests
    add column priority_id            uuid references national_priorities (id),
    add column endorsement_decision   varchar(10),
    add column endorsement_reference  varchar(100),
    add column endorsement_comment    varchar(2000),
    add column endorsed_by            varchar(200),
    add column endorsed_at            timestamptz;

-- a focal point's list: its State's requests in the list's keyset order
create index assistance_requests_country_order on assistance_requests (country, submitted_at desc, id desc);
