-- Claims computing one value for a job, or renews the job's claim, unless another job holds it.
--
-- KEYS[1]  the claim on the value
-- ARGV[1]  the job's id
-- ARGV[2]  the lease, in milliseconds
--
-- Returns the id of the job holding the claim afterwards.
local holder = redis.call('GET', KEYS[1])
if not holder or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ARGV[1]
end
return holder
