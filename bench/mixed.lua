-- bench/run --mixed: each request is a random force's dashboard read, its overdue list or its summary,
-- with that force's own reader key. The file of "path<TAB>key" lines is the script's argument.
local targets = {}

init = function(args)
  for line in io.lines(args[1]) do
    local path, key = line:match("^(%S+)\t(%S+)$")
    if path then targets[#targets + 1] = { path = path, key = key } end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

request = function()
  local t = targets[math.random(#targets)]
  return wrk.format("GET", t.path, { ["X-Api-Key"] = t.key })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH p50_us=%d p95_us=%d p99_us=%d rps=%.1f requests=%d socket_errors=%d bad_status=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests / seconds, summary.requests,
    e.connect + e.read + e.write + e.timeout, e.status))
end
