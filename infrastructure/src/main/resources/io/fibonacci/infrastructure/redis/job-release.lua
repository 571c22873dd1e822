-- Gives up a job's claim on computing one value; another job's claim stays.
--
-- KEYS[1]  the claim on the value
-- ARGV[1]  the job's id
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
end
return 1
