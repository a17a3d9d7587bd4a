-- Stores a verification, its audit events and its timer in one atomic step.
-- A compare-and-set on the stored version: with racing writers exactly one wins, the others get -1 and re-read.
-- KEYS[1] verification ("<version>|<json>"), KEYS[2] expiry zset, KEYS[3] global event stream,
-- KEYS[4] customer event index (the same entry ids, no fields: events are read from the global stream),
-- KEYS[5] awaiting-user zset (score = expiry ms), KEYS[6] challenge id -> verification id,
-- KEYS[7] unpublished outcomes zset (score = when the chat must have shown it, ms),
-- KEYS[8] unsent challenges zset (score = when the issued challenge must have been sent, ms)
-- ARGV[1] expected version ('0' = create), ARGV[2] json, ARGV[3] id,
-- ARGV[4] expiry score in ms ('' = final: drop the timer), ARGV[5] 'add'|'rem' awaiting-user,
-- ARGV[6] seconds to keep a final verification ('0' = not final), ARGV[7] expected global chain head,
-- ARGV[8] ms to keep the challenge index ('0' = leave it), ARGV[9] event count,
-- ARGV[10] when a final outcome must have been shown ('' = not final, or nothing to show),
-- ARGV[11] unsent challenge: a ms deadline (this write issues one), 'keep', or 'done' (drop it),
-- ARGV[12] expected customer chain head, KEYS[9] global head, KEYS[10] customer head (docs/audit.md),
-- KEYS[11] the shard's set of customer index streams (what the hourly trim cuts; SCAN cannot span a Cluster),
-- then per event: field count n, n name/value pairs (the last is its global hash), its customer-chain hash.
-- A moved chain head answers {-2, global head, customer head}: Java links the events again and retries.
-- Earlier versions kept the verification as a hash {ver, json} and the awaiting users as a set:
-- both are read here and rewritten in the new form, before anything is written.
--@include lib/next-event-id.lua
local current
local storedAsHash = redis.call('TYPE', KEYS[1]).ok == 'hash'
if storedAsHash then
  current = redis.call('HGET', KEYS[1], 'ver')
else
  local stored = redis.call('GET', KEYS[1])
  if stored then current = string.match(stored, '^(%d+)|') end
end
if ARGV[1] == '0' then
  if current then return {-1} end
elseif current ~= ARGV[1] then
  return {-1}
end
local heads = {redis.call('GET', KEYS[9]) or '', redis.call('GET', KEYS[10]) or ''}
if ARGV[9] ~= '0' and (heads[1] ~= ARGV[7] or heads[2] ~= ARGV[12]) then return {-2, heads[1], heads[2]} end
if redis.call('TYPE', KEYS[5]).ok == 'set' then
  local old = redis.call('SMEMBERS', KEYS[5])
  redis.call('DEL', KEYS[5])
  for _, member in ipairs(old) do redis.call('ZADD', KEYS[5], 0, member) end
end
local version = (tonumber(current) or 0) + 1
if storedAsHash then redis.call('DEL', KEYS[1]) end
redis.call('SET', KEYS[1], version .. '|' .. ARGV[2], 'KEEPTTL')
if ARGV[4] == '' then
  redis.call('ZREM', KEYS[2], ARGV[3])
else
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
end
if ARGV[5] == 'add' then
  redis.call('ZADD', KEYS[5], ARGV[4] == '' and 0 or ARGV[4], ARGV[3])
else
  redis.call('ZREM', KEYS[5], ARGV[3])
end
if ARGV[6] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[6]) end
if ARGV[8] ~= '0' then redis.call('SET', KEYS[6], ARGV[3], 'PX', ARGV[8]) end
if ARGV[10] ~= '' then redis.call('ZADD', KEYS[7], ARGV[10], ARGV[3]) end
if ARGV[11] == 'done' then
  redis.call('ZREM', KEYS[8], ARGV[3])
elseif ARGV[11] ~= 'keep' then
  redis.call('ZADD', KEYS[8], ARGV[11], ARGV[3])
end
local out = {version}
local i = 13
for _ = 1, tonumber(ARGV[9]) do
  local n = tonumber(ARGV[i])
  local fields = {}
  for j = 1, n * 2 do fields[j] = ARGV[i + j] end
  local customerHash = ARGV[i + 1 + n * 2]
  i = i + 2 + n * 2
  -- The same entry id in both streams, so an event has one id wherever it is read.
  local id = redis.call('XADD', KEYS[3], nextId(KEYS[3]), unpack(fields))
  redis.call('XADD', KEYS[4], id, 'prev', heads[2], 'hash', customerHash)
  heads = {fields[#fields], customerHash}
  out[#out + 1] = id
end
if ARGV[9] ~= '0' then
  redis.call('SET', KEYS[9], heads[1])
  redis.call('SET', KEYS[10], heads[2])
  redis.call('SADD', KEYS[11], KEYS[4])
end
return out
