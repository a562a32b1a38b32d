-- wrk calls done() once, after the run: one line the bench/run script parses.
-- Latencies are in microseconds; errors are socket errors and responses with a status of 400 or more.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH p50_us=%d p95_us=%d p99_us=%d rps=%.1f requests=%d socket_errors=%d bad_status=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests / seconds, summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
