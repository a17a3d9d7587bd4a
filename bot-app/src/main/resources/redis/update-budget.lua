-- Spends one card update from a scope's sliding windows (Slack: a workspace; Teams: a conversation),
-- atomically, so all instances share one budget.
-- KEYS[1] zset of recent updates (score = ms), KEYS[2] the scope's Retry-After block
-- ARGV[1] now ms, ARGV[2] unique member, ARGV[3] number of windows, then per window: length ms, max, reserve
-- A reserve keeps the last slots of a window for state changes: countdown ticks ask with one.
-- Returns {1, 0} when spent, {0, ms to wait} when not.
local now = tonumber(ARGV[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then return {0, blocked} end
local longest = 0
for i = 0, tonumber(ARGV[3]) - 1 do
  local window = tonumber(ARGV[4 + i * 3])
  local allowed = tonumber(ARGV[5 + i * 3]) - tonumber(ARGV[6 + i * 3])
  if window > longest then longest = window end
  local inWindow = redis.call('ZRANGEBYSCORE', KEYS[1], now - window + 1, '+inf', 'WITHSCORES')
  local count = #inWindow / 2
  if count >= allowed then
    if allowed <= 0 then return {0, window} end
    -- The window frees a slot when its (count - allowed + 1)-th oldest entry leaves it.
    local leaving = tonumber(inWindow[(count - allowed) * 2 + 2])
    return {0, math.max(1, leaving + window - now)}
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - longest)
redis.call('ZADD', KEYS[1], now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], longest)
return {1, 0}
