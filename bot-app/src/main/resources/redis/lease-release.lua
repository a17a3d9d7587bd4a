-- Releases a lease only if this holder still owns it, so a holder whose lease ran out cannot free
-- the lock a newer holder took. KEYS[1] lock key, ARGV[1] holder token. Returns 1 if released.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
