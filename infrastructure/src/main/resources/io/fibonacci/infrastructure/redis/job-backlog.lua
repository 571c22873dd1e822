-- What waits in the queue: entries no worker has had yet, and the id of the oldest of them (its
-- first part is the time it was queued, in milliseconds).
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the consumer group
--
-- Returns {waiting, oldest waiting entry's id or ''}.
local length = redis.call('XLEN', KEYS[1])
if length == 0 then
  return {0, ''}
end
local last = nil
local pending = 0
local groups = redis.pcall('XINFO', 'GROUPS', KEYS[1])
if not groups.err then
  for _, group in ipairs(groups) do
    local fields = {}
    for i = 1, #group, 2 do
      fields[group[i]] = group[i + 1]
    end
    if fields['name'] == ARGV[1] then
      last = fields['last-delivered-id']
      pending = fields['pending']
    end
  end
end
local first = redis.call('XRANGE', KEYS[1], last and ('(' .. last) or '-', '+', 'COUNT', 1)
return {length - pending, first[1] and first[1][1] or ''}
