-- Counts an owner's active jobs, first dropping ids whose job is gone (expired, say), so that a
-- job that vanished never counts against its owner's cap.
--
-- KEYS[1]  the owner's set of active job ids
-- ARGV[1]  the prefix of a job's key (the id follows)
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if redis.call('EXISTS', ARGV[1] .. id) == 0 then
    redis.call('SREM', KEYS[1], id)
  end
end
return redis.call('SCARD', KEYS[1])
