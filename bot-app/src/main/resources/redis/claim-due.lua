-- Takes up to ARGV[2] members whose deadline (score, ms) is at or before ARGV[1] and pushes each
-- one ARGV[3] ms into the future, atomically: two instances never take the same one, and one that
-- dies before finishing lets it come back after the lease.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local leaseUntil = tonumber(ARGV[1]) + tonumber(ARGV[3])
for _, id in ipairs(due) do
  redis.call('ZADD', KEYS[1], leaseUntil, id)
end
return due
