-- Queues one job unless the queue is full, atomically.
--
-- KEYS[1]  the stream of jobs
-- ARGV[1]  the capacity: entries waiting or delivered but not yet acknowledged
-- ARGV[2]  the job's id
-- ARGV[3]  a bound on the stream's length that only a bug could reach (MAXLEN ~)
-- ARGV[4]  the submission's trace origin (a W3C traceparent), or ''
--
-- Returns 1 when queued, 0 when full. Acknowledged entries are deleted, so the stream's length is
-- what the queue holds; the MAXLEN bound keeps a leak from growing without end.
if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then
  return 0
end
redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'job', ARGV[2], 'origin', ARGV[4])
return 1
