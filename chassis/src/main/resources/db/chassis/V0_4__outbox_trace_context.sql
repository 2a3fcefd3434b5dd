-- The trace of the work that recorded each event (W3C Trace Context, the CloudEvents
-- distributed-tracing extension): the relay publishes it as ce_traceparent / ce_tracestate, so
-- the handling of the event continues that trace. Null for rows recorded before traces existed.
-- traceparent is always 55 characters (version 00); tracestate is at most 512 (W3C's limit).
alter table outbox add column traceparent varchar(55), add column tracestate varchar(512);
alter table outbox_set_aside add column traceparent varchar(55), add column tracestate varchar(512);
