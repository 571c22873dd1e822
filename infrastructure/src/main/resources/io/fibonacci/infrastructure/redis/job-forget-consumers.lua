-- Forgets the consumers of stopped workers (a pod that is gone leaves its name behind), so that
-- the group's consumers stay as many as the live workers. Only a consumer with nothing pending is
-- forgotten: deleting one would drop its pending entries, which must be reclaimed instead.
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the consumer group
-- ARGV[2]  the calling worker's consumer name (kept)
-- ARGV[3]  the idle time beyond which a consumer counts as stopped, in milliseconds
--
-- Returns how many consumers were forgotten.
local consumers = redis.pcall('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])
if consumers.err then
  return 0
end
local forgotten = 0
for _, consumer in ipairs(consumers) do
  local fields = {}
  for i = 1, #consumer, 2 do
    fields[consumer[i]] = consumer[i + 1]
  end
  if fields['name'] ~= ARGV[2] and fields['pending'] == 0 and fields['idle'] > tonumber(ARGV[3]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], fields['name'])
    forgotten = forgotten + 1
  end
end
return forgotten
