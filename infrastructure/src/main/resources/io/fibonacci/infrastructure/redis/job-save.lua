-- Stores one job, atomically with the set of its owner's active jobs.
--
-- KEYS[1]  the job's key
-- KEYS[2]  the owner's set of active job ids
-- ARGV[1]  "save" to store whatever is there, or "swap" to store only over ARGV[2]
-- ARGV[2]  the encoding the job must still have (with "swap"; "" = the job must not exist)
-- ARGV[3]  the new encoding
-- ARGV[4]  1 when the job is queued or running, 0 once it has finished
-- ARGV[5]  time to live of the job, in milliseconds
-- ARGV[6]  the job's id (a member of the active set)
--
-- Returns 1 when stored, 0 when "swap" found another encoding (the caller reads and tries again).
-- Every key has a time to live: a job (and its owner's set) lives for the result's time to live
-- after its last change, so that nothing is kept forever should a job never finish (its queue
-- entry lost with a Redis that restarted without persistence, say).
if ARGV[1] == 'swap' then
  local current = redis.call('GET', KEYS[1]) or ''
  if current ~= ARGV[2] then
    return 0
  end
end
if ARGV[4] == '1' then
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[5])
  redis.call('SADD', KEYS[2], ARGV[6])
  redis.call('PEXPIRE', KEYS[2], ARGV[5])
else
  redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[5])
  redis.call('SREM', KEYS[2], ARGV[6])
end
return 1
