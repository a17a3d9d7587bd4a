-- Sliding-window push-bombing guard: checks every window and spends one slot of each, atomically,
-- so a start takes a slot of every window or of none.
-- KEYS[1] end-user, KEYS[2] technician, KEYS[3] customer, KEYS[4] global window zsets
-- ARGV[1] now ms, ARGV[2] window ms, ARGV[3..6] the limits in the order of KEYS, ARGV[7] unique member
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
local verdicts = {'USER_LIMIT', 'TECHNICIAN_LIMIT', 'CUSTOMER_LIMIT', 'GLOBAL_LIMIT'}
for i = 1, 4 do
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', now - window)
  if redis.call('ZCARD', KEYS[i]) >= tonumber(ARGV[i + 2]) then return verdicts[i] end
end
for i = 1, 4 do
  redis.call('ZADD', KEYS[i], now, ARGV[7])
  redis.call('PEXPIRE', KEYS[i], window)
end
return 'ALLOWED'
