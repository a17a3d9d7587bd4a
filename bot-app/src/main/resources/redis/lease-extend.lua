-- Extends a lease only if this holder still owns it. KEYS[1] lock key, ARGV[1] holder token,
-- ARGV[2] new lease in milliseconds. Returns 1 if extended, 0 if the lease was lost.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
