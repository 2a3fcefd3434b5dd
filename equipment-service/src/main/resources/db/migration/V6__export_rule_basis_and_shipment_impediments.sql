-- Issue 20: what an export rule rests on, and the impediments that are not rules.

-- Every rule states its basis (a measure of the UN Security Council, a unilateral measure of a State
-- or organisation, a national export control, or something else), who imposed it and by which
-- instrument. Rules made before stated none: OTHER, nobody named.
alter table export_rules add column basis varchar(30);
update export_rules set basis = 'OTHER';
alter table export_rules alter column basis set not null;
alter table export_rules add column imposed_by varchar(200);
alter table export_rules add column instrument varchar(300);

-- When a shipment was cancelled: an impediment recorded on it later must have occurred by then.
-- Nothing changes a cancelled shipment, so its last update is its cancellation.
alter table shipments add column cancelled_at timestamptz;
update shipments set cancelled_at = updated_at where status = 'CANCELLED';

-- A carrier, bank, supplier or insurer refused, a licence was denied or delayed: what stopped or
-- slowed a shipment other than a screening rule, with what the party relied on and what it cost.
create table shipment_impediments (
    id                     uuid           primary key,
    shipment_id            uuid           not null references shipments (id),
    kind                   varchar(30)    not null,
    party                  varchar(200)   not null,
    basis                  varchar(30)    not null,
    occurred_at            timestamptz    not null,
    resolved_at            timestamptz,
    note                   text,
    extra_cost             numeric(17, 2),
    extra_cost_currency    char(3),
    recorded_by            varchar(200)   not null,
    recorded_at            timestamptz    not null,
    resolved_by            varchar(200),
    resolution_recorded_at timestamptz,
    resolution_note        text,
    constraint impediment_resolved_after_it_occurred check (resolved_at is null or resolved_at >= occurred_at),
    constraint impediment_cost_positive check (extra_cost is null or extra_cost > 0),
    constraint impediment_cost_has_currency check ((extra_cost is null) = (extra_cost_currency is null))
);
create index shipment_impediments_shipment on shipment_impediments (shipment_id, occurred_at);
