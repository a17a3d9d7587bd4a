-- Sliding-window push-bombing guard: checks both limits and spends one slot of each, atomically.
-- KEYS[1] end-user window zset, KEYS[2] technician window zset
-- ARGV[1] now ms, ARGV[2] window ms, ARGV[3] per-user limit, ARGV[4] per-technician limit, ARGV[5] unique member
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 'USER_LIMIT' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then return 'TECHNICIAN_LIMIT' end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('PEXPIRE', KEYS[2], window)
return 'ALLOWED'
