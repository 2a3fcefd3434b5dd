-- Partner agencies' webhook subscriptions and the durable queue of what is to be delivered to them.
-- A delivery row is written in the same transaction as the change it announces: nothing is lost
-- when the service stops, and a dispatcher on any instance sends it (at least once, same id every time).
create table webhook_subscriptions (
    id uuid primary key,
    agency_id varchar(100) not null,
    url varchar(2048) not null,
    events jsonb not null,
    description varchar(500),
    status varchar(20) not null,
    secret varchar(100) not null,
    previous_secret varchar(100),
    previous_secret_until timestamp with time zone,
    created_at timestamp with time zone not null,
    failing_since timestamp with time zone,
    disabled_at timestamp with time zone
);
create index webhook_subscriptions_of_agency on webhook_subscriptions (agency_id, status);

create table webhook_deliveries (
    id uuid primary key,
    subscription_id uuid not null references webhook_subscriptions (id) on delete cascade,
    request_id uuid,
    event_type varchar(60) not null,
    payload text not null,
    status varchar(20) not null,
    attempts integer not null default 0,
    created_at timestamp with time zone not null,
    next_attempt_at timestamp with time zone,
    last_status_code integer,
    last_latency_ms bigint,
    delivered_at timestamp with time zone
);
-- what the dispatcher looks for: pending rows that are due, and earlier pending rows of the same request
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'PENDING';
create index webhook_deliveries_pending_per_request
    on webhook_deliveries (subscription_id, request_id, id) where status = 'PENDING';
-- the partner's delivery log, newest first
create index webhook_deliveries_log on webhook_deliveries (subscription_id, id);

create table webhook_delivery_attempts (
    id uuid primary key,
    delivery_id uuid not null references webhook_deliveries (id) on delete cascade,
    attempt integer not null,
    attempted_at timestamp with time zone not null,
    status_code integer,
    latency_ms bigint not null,
    error varchar(500),
    next_retry_at timestamp with time zone
);
create index webhook_delivery_attempts_of_delivery on webhook_delivery_attempts (delivery_id, attempt);
