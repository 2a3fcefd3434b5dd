create table review_cases (
    request_id         uuid         primary key,
    agency_id          varchar(100) not null,
    country            char(2)      not null,
    thematic_area      varchar(40)  not null,
    priority           varchar(10)  not null,
    priority_rank      int          not null,
    title              varchar(200) not null,
    assistance_types   jsonb        not null,
    desired_by         date,
    equipment_lines    jsonb        not null,
    training_needs     jsonb        not null,
    estimated_amount   numeric(17, 2),
    estimated_currency char(3),
    status             varchar(30)  not null,
    submitted_at       timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);
-- the queue: by status, most urgent first, then longest waiting
create index review_cases_queue on review_cases (status, priority_rank, submitted_at);
