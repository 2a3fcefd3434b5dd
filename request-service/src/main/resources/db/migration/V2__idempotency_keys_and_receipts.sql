-- Idempotency-Key of a submission, per agency: the same key and body replay the first answer.
create table idempotency_keys (
    agency_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    fingerprint     char(64)     not null,
    request_id      uuid,
    created_at      timestamptz  not null,
    primary key (agency_id, idempotency_key)
);

-- Shipments the agency expects (from equipment-service's events) and its proofs of delivery.
create table incoming_shipments (
    id         uuid        primary key,
    request_id uuid        not null,
    lines      jsonb       not null,
    stage      varchar(20) not null,
    updated_at timestamptz not null
);
create index incoming_shipments_request on incoming_shipments (request_id);

create table receipts (
    shipment_id uuid         primary key,
    request_id  uuid         not null references assistance_requests (id),
    lines       jsonb        not null,
    received_by varchar(200) not null,
    received_at timestamptz  not null,
    recorded_at timestamptz  not null
);
