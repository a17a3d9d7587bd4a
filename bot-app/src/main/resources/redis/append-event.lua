-- Appends one audit event to the global stream, and its id to the customer's index stream.
-- KEYS[1] global stream, KEYS[2] customer index stream; ARGV[1] MINID for retention, ARGV[2..] name/value pairs
local fields = {}
for i = 2, #ARGV do fields[i - 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], '*', unpack(fields))
redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[1], id, 'e', '')
return id
