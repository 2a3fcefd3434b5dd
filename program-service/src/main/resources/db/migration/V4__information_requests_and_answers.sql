-- What reviewers asked the agency (REQUEST_INFORMATION decisions) and the agency's answers, which
-- arrive as messages of the request's conversation (request-service's message-posted events):
-- reviewers read the answers beside the questions. Questions asked before this migration were
-- not kept (only the status moved), so those cases show none.
create table information_requests (
    id          uuid         primary key,
    request_id  uuid         not null references review_cases (request_id),
    questions   jsonb        not null,
    asked_by    varchar(200) not null,
    asked_at    timestamptz  not null,
    -- the queue the case was in when asked, where the agency's answer puts it back
    returns_to  varchar(30)  not null
);
create index information_requests_of_case on information_requests (request_id, asked_at);

create table information_answers (
    -- the message's id in request-service: an answer delivered twice is kept once
    message_id             uuid         primary key,
    information_request_id uuid         not null references information_requests (id),
    body                   text         not null,
    answered_at            timestamptz  not null
);
create index information_answers_of_request on information_answers (information_request_id, answered_at);
