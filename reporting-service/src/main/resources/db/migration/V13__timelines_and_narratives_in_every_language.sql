-- Timelines in the reader's language (issue 22): what each line says as words not yet in a language
-- (a message key and its values, JSON: TimelineTexts), put into the language the reader asks for
-- (Accept-Language) when read. partner_summary_text is null where the partner reads what staff read.
-- Rows recorded before keep their English summary until a rebuild.
alter table timeline_entries
    add column summary_text         jsonb,
    add column partner_summary_text jsonb;

-- IATI narratives in every language given: the language a request's title and needs statement are
-- written in (ISO 639-1; null: English), the needs statement, and the partner's translations of both
-- ([{language, title, needsStatement}]); an amendment replaces them.
alter table request_facts
    add column language        varchar(8),
    add column needs_statement text,
    add column translations    jsonb;
