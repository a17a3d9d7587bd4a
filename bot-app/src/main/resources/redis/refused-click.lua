-- Refused-click throttle: one sliding window per (verification, clicking person). Spends a slot
-- and answers 1 while fewer than the limit were spent in the window, else answers 0 and spends
-- nothing, so a person hammering a button keeps the set at the limit, never beyond.
-- KEYS[1] window zset; ARGV[1] now ms, ARGV[2] window ms, ARGV[3] limit, ARGV[4] unique member
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return 1
