-- Appends one audit event to its key shard's global stream, and its id to the customer's index stream, as
-- the next link of both chains (docs/audit.md): the links are computed in Java after the heads it expects.
-- KEYS[1] the shard's global stream, KEYS[2] customer index stream, KEYS[3] global head, KEYS[4] customer head,
-- KEYS[5] the shard's set of customer index streams (what the hourly trim cuts; SCAN cannot span a Cluster);
-- ARGV[1] expected global head, ARGV[2] expected customer head, ARGV[3] the event's customer-chain hash,
-- ARGV[4..] name/value pairs (the global links among them). A moved head answers {-2, global, customer}.
--@include lib/next-event-id.lua
local g = redis.call('GET', KEYS[3]) or ''
local c = redis.call('GET', KEYS[4]) or ''
if g ~= ARGV[1] or c ~= ARGV[2] then return {-2, g, c} end
local fields = {}
for i = 4, #ARGV do fields[i - 3] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], nextId(KEYS[1]), unpack(fields))
redis.call('XADD', KEYS[2], id, 'prev', ARGV[2], 'hash', ARGV[3])
redis.call('SET', KEYS[3], fields[#fields])
redis.call('SET', KEYS[4], ARGV[3])
redis.call('SADD', KEYS[5], KEYS[2])
return {id}
