-- donors' pledges to programmes (programme events: no request)
create table pledge_facts (
    event_id       uuid           primary key,
    programme_code varchar(20)    not null,
    donor_id       varchar(100)   not null,
    amount         numeric(17, 2) not null,
    currency       char(3)        not null,
    pledged_on     date           not null
);
create index pledge_facts_programme on pledge_facts (programme_code, donor_id);
