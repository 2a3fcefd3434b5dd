-- The trace of each subject's journey (a request, a catalogue item), as this service first met it:
-- the context of the first event it recorded or handled about the subject. A later change of the
-- same request made by another call (a reviewer's decision, a partner's receipt) records its events
-- in this trace, linked to the call's own, so one request's journey is one trace over the services.
create table journey_traces (
    subject      varchar(200) primary key,
    traceparent  varchar(55)  not null,
    tracestate   varchar(512),
    first_seen   timestamptz  not null default now()
);
