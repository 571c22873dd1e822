-- Stores one job, atomically with the set of its owner's active jobs.
--
-- KEYS[1]  the job's key
-- KEYS[2]  the owner's set of active job ids
-- ARGV[1]  "save" to store whatever is there, or "swap" to store only over ARGV[2]
-- ARGV[2]  the encoding the job must still have (with "swap"; "" = the job must not exist)
-- ARGV[3]  the new encoding
-- ARGV[4]  1 when the job is queued or running, 0 once it has finished
-- ARGV[5]  time to live of a finished job, in milliseconds
-- ARGV[6]  the job's id (a member of the active set)
--
-- Returns 1 when stored, 0 when "swap" found another encoding (the caller reads and tries again).
-- An active job has no time to live: it is kept until it finishes, and only then expires.
if ARGV[1] == 'swap' then
  local current = redis.call('GET', KEYS[1]) or ''
  if current ~= ARGV[2] then
    return 0
  end
end
if ARGV[4] == '1' then
  redis.call('SET', KEYS[1], ARGV[3])
  redis.call('SADD', KEYS[2], ARGV[6])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[5])
  redis.call('SREM', KEYS[2], ARGV[6])
end
return 1
