-- Each request a new signer: a new organisation name and e-mail address.
local counter = 0
local threads = {}

setup = function(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  thread_id = thread_id or 0
  math.randomseed(os.time() + thread_id * 7919)
  run = math.random(1, 1000000000)
end

request = function()
  counter = counter + 1
  local id = string.format("%d-%d-%d", run, thread_id, counter)
  local body = '{"kind":"ORGANISATION","name":"Bench Org ' .. id ..
    '","country":"FR","website":"https://www.example.org","contactName":"Bench Signer",' ..
    '"contactEmail":"bench-' .. id .. '@bench.example","anonymous":false,"language":"en","consent":true}'
  return wrk.format("POST", wrk.path, {["Content-Type"] = "application/json"}, body)
end

dofile(os.getenv("UNDERSIGNED_BENCH_DIR") .. "/report.lua")
