-- A status change's id is made by the service (a UUIDv7, growing in the order the changes are made)
-- instead of by the bigserial: inserting a change no longer waits for the database to hand out an id,
-- so a submission's rows go out together in one flush (and in JDBC batches).
-- Earlier changes keep their order: their number becomes the uuid 00000000-0000-0000-0000-<number in hex>,
-- which sorts by the number and before every UUIDv7 (whose first bits are the time).
alter table request_status_changes alter column id drop default;
alter table request_status_changes alter column id type uuid using lpad(to_hex(id), 32, '0')::uuid;
drop sequence request_status_changes_id_seq;
