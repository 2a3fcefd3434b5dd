-- A contribution may be earmarked for countries and/or thematic areas (null: for any request of the programme)
alter table fundings add column earmark_countries jsonb;
alter table fundings add column earmark_thematic_areas jsonb;

-- Each donor's part of a commitment: drawn from one earmarked contribution (funding_id), or from
-- the donor's unearmarked contributions (funding_id null); and what deliveries disbursed of it
create table commitment_shares (
    id             bigserial      primary key,
    request_id     uuid           not null references commitments (request_id),
    programme_code varchar(20)    not null references programmes (code),
    donor_id       varchar(100)   not null references donors (id),
    funding_id     bigint         references fundings (id),
    amount         numeric(17, 2) not null check (amount > 0),
    disbursed      numeric(17, 2) not null default 0,
    constraint commitment_shares_one_per_donor unique (request_id, donor_id)
);
create index commitment_shares_programme on commitment_shares (programme_code, donor_id);
create index commitment_shares_funding on commitment_shares (funding_id);

-- Commitments made before shares existed: split pro rata to the donors' contributions, the cents
-- left over to the largest contributor, so that the parts add up to the commitment exactly
insert into commitment_shares (request_id, programme_code, donor_id, funding_id, amount, disbursed)
select request_id, programme_code, donor_id, null, amount, disbursed
from (
    with received as (
        select programme_code, donor_id, sum(amount) as received
        from fundings where kind = 'CONTRIBUTION' group by programme_code, donor_id),
    totals as (select programme_code, sum(received) as total from received group by programme_code),
    parts as (
        select c.request_id, c.programme_code, r.donor_id, c.amount as c_amount, c.disbursed as c_disbursed,
               trunc(c.amount * r.received / t.total, 2) as amount,
               trunc(c.disbursed * r.received / t.total, 2) as disbursed,
               row_number() over (partition by c.request_id order by r.received desc, r.donor_id) as rn
        from commitments c
        join received r on r.programme_code = c.programme_code
        join totals t on t.programme_code = c.programme_code)
    select request_id, programme_code, donor_id,
           amount + case when rn = 1 then c_amount - sum(amount) over (partition by request_id) else 0 end as amount,
           disbursed + case when rn = 1 then c_disbursed - sum(disbursed) over (partition by request_id) else 0 end
               as disbursed
    from parts) backfill
where amount > 0;

-- Activities of every kind, and cancelled ones with why, by whom and when
alter table activities add column cancellation_reason text;
alter table activities add column cancelled_by varchar(200);
alter table activities add column cancelled_at timestamptz;

-- The local copy of equipment-service's catalogue (from the compacted topic assistance.catalogue)
create table catalogue_copy (
    item_code         varchar(100)   primary key,
    name              text,
    category          text,
    dual_use          boolean        not null default false,
    unit_price        numeric,
    unit_currency     char(3),
    withdrawn         boolean        not null default false,
    withdrawal_reason text,
    changed_at        timestamptz    not null
);
