-- Writes an end user and the per-customer email and external-id indexes atomically, refusing a
-- taken username, email or external id.
-- KEYS[1] users hash (username -> json), KEYS[2] emails hash (lower-case email -> username),
-- KEYS[3] external ids hash (id -> username: every directory's id of the user, and the AD objectGUID
-- its Microsoft 365 account is synced from), KEYS[4] the customer's directory version (a counter
-- that every write bumps, so readers may keep the user list until it moves)
-- ARGV[1] username, ARGV[2] json, ARGV[3] mode (CREATE|UPDATE|UPSERT|UPDATE_IF_UNCHANGED), ARGV[4] lower-case
-- email ('' for none), ARGV[5] for UPDATE_IF_UNCHANGED the updatedAt the writer read (else ''),
-- ARGV[6..] the user's external ids (none for a user no directory has)
local username, json, mode, email, readAt = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local externals = {}
for i = 6, #ARGV do externals[ARGV[i]] = true end
local existing = redis.call('HGET', KEYS[1], username)
if mode == 'CREATE' and existing then return {'CONFLICT', 'username', username} end
if (mode == 'UPDATE' or mode == 'UPDATE_IF_UNCHANGED') and not existing then return {'NOT_FOUND'} end
if mode == 'UPDATE_IF_UNCHANGED' and cjson.decode(existing).updatedAt ~= readAt then return {'STALE'} end
if email ~= '' then
  local owner = redis.call('HGET', KEYS[2], email)
  if owner and owner ~= username then return {'CONFLICT', 'email', email} end
end
for external in pairs(externals) do
  local owner = redis.call('HGET', KEYS[3], external)
  if owner and owner ~= username then return {'CONFLICT', 'externalId', external} end
end
if existing then
  local decoded = cjson.decode(existing)
  local old = decoded.email
  if type(old) == 'string' and string.lower(old) ~= email and redis.call('HGET', KEYS[2], string.lower(old)) == username then
    redis.call('HDEL', KEYS[2], string.lower(old))
  end
  -- The ids it had (as stored before links, and each link's): those it no longer has leave the index.
  local before = {}
  if type(decoded.externalId) == 'string' then table.insert(before, decoded.externalId) end
  if type(decoded.links) == 'table' then
    for _, link in ipairs(decoded.links) do
      if type(link.externalId) == 'string' then table.insert(before, link.externalId) end
      if type(link.onPremisesGuid) == 'string' then table.insert(before, link.onPremisesGuid) end
    end
  end
  for _, id in ipairs(before) do
    if not externals[id] and redis.call('HGET', KEYS[3], id) == username then
      redis.call('HDEL', KEYS[3], id)
    end
  end
end
if email ~= '' then redis.call('HSET', KEYS[2], email, username) end
for external in pairs(externals) do redis.call('HSET', KEYS[3], external, username) end
redis.call('HSET', KEYS[1], username, json)
redis.call('INCR', KEYS[4])
if existing then return {'UPDATED'} else return {'CREATED'} end
