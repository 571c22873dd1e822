-- Forgets one delivered entry: acknowledged and deleted, so that the stream's length stays what
-- waits or runs; with a dead-letter stream, the entry is first recorded there with its reason.
--
-- KEYS[1]  the stream of jobs
-- KEYS[2]  the dead-letter stream (only when ARGV[3] is given)
-- ARGV[1]  the consumer group
-- ARGV[2]  the entry's id
-- ARGV[3]  the job's id, for a dead letter
-- ARGV[4]  its deliveries
-- ARGV[5]  why it was given up
-- ARGV[6]  how many dead letters are kept (MAXLEN ~)
if ARGV[3] then
  redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[6], '*',
    'job', ARGV[3], 'attempts', ARGV[4], 'reason', ARGV[5], 'entry', ARGV[2])
end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 1
