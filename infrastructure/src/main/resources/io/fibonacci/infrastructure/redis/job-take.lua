-- Hands a worker its next job: first an entry whose worker fell silent for longer than the lease
-- (reclaimed with XAUTOCLAIM, which raises its delivery count), else the next entry no worker has
-- had yet (XREADGROUP). Creates the consumer group, and the stream, on first use.
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the consumer group
-- ARGV[2]  this worker's consumer name
-- ARGV[3]  the lease, in milliseconds
--
-- Returns {entry id, job id ('' when the entry has none), deliveries so far, trace origin or ''}
-- or nil.
local function field(fields, name)
  for i = 1, #fields, 2 do
    if fields[i] == name then
      return fields[i + 1]
    end
  end
  return ''
end

-- XAUTOCLAIM looks at no more than ten pending entries per call: follow its cursor through the
-- whole pending list (as long as the queue's capacity, about) until one is claimed.
local cursor = '0-0'
local entry = nil
repeat
  local claimed = redis.pcall('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], cursor, 'COUNT', 1)
  if type(claimed) == 'table' and claimed.err then
    if not string.find(claimed.err, 'NOGROUP', 1, true) then
      return redis.error_reply(claimed.err)
    end
    redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0', 'MKSTREAM')
    break
  end
  entry = claimed[2][1]
  cursor = claimed[1]
until entry or cursor == '0-0'
if entry then
  local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
  return {entry[1], field(entry[2], 'job'), pending[1][4], field(entry[2], 'origin')}
end
local read = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
if not read then
  return nil
end
entry = read[1][2][1]
return {entry[1], field(entry[2], 'job'), 1, field(entry[2], 'origin')}
