-- Revokes devices of one user at once: each leaves the active set (so it no longer counts, is
-- never pushed to and frees an enrolment slot) and is kept in its revoked form, with its secret
-- index, for a while, so its app can be told to enrol again; then both expire.
-- KEYS[1] the user's active-device set, then per device: its key, its secret index key
-- ARGV[1] seconds to keep, then per device: its id, its revoked json
-- Returns the ids that were still active.
local keep = tonumber(ARGV[1])
local revoked = {}
local n = (#ARGV - 1) / 2
for i = 1, n do
  local id, json = ARGV[2 * i], ARGV[2 * i + 1]
  local deviceKey, secretKey = KEYS[2 * i], KEYS[2 * i + 1]
  if redis.call('SREM', KEYS[1], id) == 1 then
    redis.call('SET', deviceKey, json, 'EX', keep)
    if redis.call('GET', secretKey) == id then redis.call('EXPIRE', secretKey, keep) end
    revoked[#revoked + 1] = id
  end
end
return revoked
