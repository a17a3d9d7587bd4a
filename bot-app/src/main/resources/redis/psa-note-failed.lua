-- Counts a failed try of a note (KEYS[2], kept ARGV[5] s) and makes it due again (KEYS[1]) after a
-- doubling back-off: ARGV[3] ms, then twice that, up to ARGV[4] ms, from now (ARGV[2] ms).
-- Returns the tries so far.
local n = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[5])
local delay = tonumber(ARGV[3]) * (2 ^ (n - 1))
if delay > tonumber(ARGV[4]) then delay = tonumber(ARGV[4]) end
redis.call('ZADD', KEYS[1], tonumber(ARGV[2]) + delay, ARGV[1])
return n
