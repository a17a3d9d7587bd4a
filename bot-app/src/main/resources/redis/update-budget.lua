-- Spends one card update from a scope's sliding windows (Slack: a workspace; Teams: a conversation),
-- atomically, so all instances share one budget.
-- KEYS[1] zset of recent updates (score = ms), KEYS[2] the scope's Retry-After block
-- ARGV[1] now ms, ARGV[2] unique member, ARGV[3] how long a send may stay in flight (ms),
-- ARGV[4] number of windows, then per window: length ms, max, reserve
-- A reserve keeps the last slots of a window for state changes: countdown ticks ask with one.
-- A granted update is scored "in flight" (now + ARGV[3]) until its sender reports it answered
-- (ZADD XX with that moment): the platform may receive it any time before then, so its slot counts
-- from the answer, never from the grant. Sends that bunch up on the way cannot overrun a window.
-- Returns {1, 0} when spent, {0, ms to wait} when not.
local now = tonumber(ARGV[1])
local hold = tonumber(ARGV[3])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {0, blocked} end
local longest = 0
for i = 0, tonumber(ARGV[4]) - 1 do
  local window = tonumber(ARGV[5 + i * 3])
  local allowed = tonumber(ARGV[6 + i * 3]) - tonumber(ARGV[7 + i * 3])
  if window > longest then longest = window end
  -- ZCOUNT and one ranged read: O(log n), however wide the window (a scan grew with its size).
  local count = redis.call('ZCOUNT', KEYS[1], now - window + 1, '+inf')
  if count >= allowed then
    if allowed <= 0 then return {0, window} end
    -- The window frees a slot when its (count - allowed + 1)-th oldest entry leaves it; an entry
    -- still in flight leaves only after its answer, so ask again shortly.
    local entry = redis.call('ZRANGEBYSCORE', KEYS[1], now - window + 1, '+inf', 'WITHSCORES', 'LIMIT',
      count - allowed, 1)
    local leaving = tonumber(entry[2])
    if leaving > now then return {0, 20} end
    return {0, math.max(1, leaving + window - now)}
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
redis.call('ZADD', KEYS[1], now + hold, ARGV[2])
redis.call('PEXPIRE', KEYS[1], longest + hold)
return {1, 0}
