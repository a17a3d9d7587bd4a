-- Appends one audit event to the global stream, and its id to the customer's index stream.
-- KEYS[1] global stream, KEYS[2] customer index stream; ARGV[1] MINID for retention, ARGV[2..] name/value pairs
-- Event ids are unique across the 16 key shards' streams (read merged in id order): ms-seq with
-- seq ≡ shard (mod 16), from the server's TIME and after the stream's last id. TIME before a
-- write needs effects replication on Redis 6.2 (the default from 7).
if redis.replicate_commands then redis.replicate_commands() end
local function nextId(stream)
  local shard = tonumber(string.match(stream, '{hv(%d+)}'))
  local t = redis.call('TIME')
  local ms, seq = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000), shard
  local last = redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)[1]
  if last then
    local lastMs, lastSeq = string.match(last[1], '^(%d+)-(%d+)$')
    lastMs, lastSeq = tonumber(lastMs), tonumber(lastSeq)
    if lastMs >= ms then ms, seq = lastMs, lastSeq + 1 + ((shard - lastSeq - 1) % 16) end
  end
  return string.format('%d-%d', ms, seq)
end
local fields = {}
for i = 2, #ARGV do fields[i - 1] = ARGV[i] end
local id = redis.call('XADD', KEYS[1], 'MINID', '~', ARGV[1], nextId(KEYS[1]), unpack(fields))
redis.call('XADD', KEYS[2], 'MINID', '~', ARGV[1], id, 'e', '')
return id
