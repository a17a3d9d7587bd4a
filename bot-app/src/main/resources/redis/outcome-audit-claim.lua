-- Who posts a verification's outcome into the audit threads: the first to claim it, once. A claim
-- left by an instance that died while posting (older than ARGV[2] ms) may be taken over.
-- KEYS[1] the verification's chat hash (hv:chat:v:<id>); ARGV[1] now (ms), ARGV[2] stale after (ms)
-- Returns 1 when the caller now holds the claim, 0 when it is posted or held by someone else.
local current = redis.call('HGET', KEYS[1], 'outcome-audit')
if current == 'done' then return 0 end
if current and tonumber(current) > tonumber(ARGV[1]) - tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'outcome-audit', ARGV[1])
return 1
