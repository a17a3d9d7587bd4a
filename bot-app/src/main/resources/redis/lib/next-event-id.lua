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
