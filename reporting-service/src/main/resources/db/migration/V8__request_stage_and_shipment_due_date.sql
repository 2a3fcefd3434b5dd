-- A request's stage, derived once from its facts: the dashboard counts requests by it and the
-- donor feeds report it. Generated, so it can never disagree with the facts it comes from.
alter table request_facts add column stage varchar(30) generated always as (
    case when withdrawn_at is not null then 'WITHDRAWN'
         when rejected_at is not null then 'REJECTED'
         when cancelled_at is not null then 'CANCELLED'
         when closed_at is not null then 'CLOSED'
         when delivered_at is not null then 'DELIVERED'
         when delivery_started_at is not null or first_dispatch_at is not null then 'IN_DELIVERY'
         when approved_at is not null and partial then 'PARTIALLY_APPROVED'
         when approved_at is not null then 'APPROVED'
         when information_requested_at is not null then 'INFORMATION_REQUESTED'
         else 'SUBMITTED' end) stored;

-- When a dispatched shipment is due, as equipment-service published it on the dispatch (the
-- mode's transit time is its rule, not ours). Null for dispatches published before it did: no due
-- date known, so such a shipment counts as delayed only after an expected delivery it was given.
alter table shipment_facts add column due_by timestamptz;
