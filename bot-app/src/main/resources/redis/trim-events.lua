-- Cuts a stream's entries older than the retention and leaves a signed checkpoint in the same step, so
-- that verification starts from the last hash before the cut (docs/audit.md).
-- KEYS[1] stream, KEYS[2] its checkpoint hash; ARGV[1] MINID (exact, so the checkpoint names the last
-- entry removed), ARGV[2] that entry's id, ARGV[3] its hash, ARGV[4] the checkpoint's signature.
-- Returns 1 when cut, 0 when the stream changed below the cut since it was read (nothing is done).
local before = redis.call('XREVRANGE', KEYS[1], '(' .. ARGV[1], '-', 'COUNT', 1)
if not before[1] or before[1][1] ~= ARGV[2] then return 0 end
redis.call('XTRIM', KEYS[1], 'MINID', ARGV[1])
redis.call('HSET', KEYS[2], 'id', ARGV[2], 'hash', ARGV[3], 'sig', ARGV[4])
return 1
