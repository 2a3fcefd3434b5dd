-- Documents attached to requests, receipts, shipments and activities (org.assistance.chassis.documents).
-- The content is kept in chunks of at most 256 KiB, written as the upload streams in and read back one
-- chunk at a time, so no document is ever whole in memory. The document row is written last, when its
-- size and SHA-256 are known: the chunks' reference to it is checked at commit.
create table documents (
    id             uuid         primary key,
    attached_to    varchar(20)  not null,
    attached_to_id uuid         not null,
    request_id     uuid         not null,
    kind           varchar(40)  not null,
    title          varchar(200),
    filename       varchar(255) not null,
    media_type     varchar(100) not null,
    size_bytes     bigint       not null check (size_bytes >= 0),
    sha256         char(64)     not null,
    chunks         integer      not null check (chunks >= 0),
    uploaded_by    varchar(200) not null,
    uploaded_at    timestamptz  not null
);
create index documents_attached on documents (attached_to, attached_to_id, uploaded_at, id);

create table document_chunks (
    document_id uuid    not null references documents (id) on delete cascade deferrable initially deferred,
    seq         integer not null,
    data        bytea   not null,
    primary key (document_id, seq)
);
-- PDF, PNG, JPEG and the ZIP containers are compressed already: stored out of line without another try
alter table document_chunks alter column data set storage external;
