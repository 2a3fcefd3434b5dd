-- What a partner agency reads of each timeline event: its own request's story without the
-- platform's internal money (amounts, donors, funds) or screening detail (export rules, licences).
-- Rows recorded before this column show partners only the kind of event until a rebuild.
alter table timeline_entries add column partner_summary text;
