-- wrk script of the benchmarks: partner clients POST valid assistance requests to request-service.
-- The harness (deploy/bench/harness, Wrk.java) starts wrk with it and reads the line "BENCH {...}"
-- it prints at the end. Settings come from the environment:
--   BENCH_TOKEN        the partner's token (signed by the harness with the platform's key)
--   BENCH_BODY         the request body (JSON)
--   BENCH_IDEMPOTENCY  "1": every request carries an Idempotency-Key of its own (the stored-key path)
--   BENCH_RUN          a prefix that keeps this run's keys apart from every other run's
-- Without a body or token (the bare app's load) wrk sends plain GETs.
local token = os.getenv("BENCH_TOKEN")
local body = os.getenv("BENCH_BODY")
local keyed = os.getenv("BENCH_IDEMPOTENCY") == "1"
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  accepted = 0
  refused = 0
  refusal = 0 -- the status of the last refused answer
  sent = 0
  if body then
    wrk.method = "POST"
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
  end
  if token then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  prefix = run .. "-" .. number .. "-"
end

if keyed then
  function request()
    sent = sent + 1
    wrk.headers["Idempotency-Key"] = prefix .. sent
    return wrk.format()
  end
end

-- 201 (a new request) or 200 (the bare app's answer) is accepted; anything else is counted apart
function response(status, headers, answer)
  if status == 201 or status == 200 then
    accepted = accepted + 1
  else
    refused = refused + 1
    refusal = status
  end
end

function done(summary, latency, requests)
  local a, r, last = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("accepted")
    r = r + thread:get("refused")
    if thread:get("refusal") ~= 0 then last = thread:get("refusal") end
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"accepted":%d,"refused":%d,"refusal":%d,"micros":%d,' ..
    '"p50":%d,"p90":%d,"p99":%d,"max":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"timeout":%d}\n',
    summary.requests, a, r, last, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout))
end
