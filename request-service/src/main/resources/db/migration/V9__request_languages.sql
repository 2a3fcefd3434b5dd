-- The language a request's title and needs statement are written in (ISO 639-1; requests submitted
-- before it was asked for were written in English) and the same texts in other languages, as
-- RequestSubmitted/RequestAmended carry them: [{"language": "fr", "title": "...", "needsStatement": "..."}].
alter table assistance_requests
    add column language     varchar(2) not null default 'en',
    add column translations jsonb      not null default '[]';
