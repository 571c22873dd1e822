-- Forgets one job and its place in its owner's set of active jobs, together.
--
-- KEYS[1]  the job's key
-- KEYS[2]  the owner's set of active job ids
-- ARGV[1]  the job's id
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[1])
return 1
