-- Appends one audit event to the global and the customer stream under the same entry id.
-- KEYS[1] global stream, KEYS[2] customer stream; ARGV[1] MINID for retention, ARGV[2..] name/value pairs
local fields = {}
for i = 2, #ARGV do fields[i - 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', unpack(fields))
redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[1], id, unpack(fields))
return id
