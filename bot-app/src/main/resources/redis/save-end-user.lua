-- Writes an end user and the per-customer email and external-id indexes atomically, refusing a
-- taken username, email or external (Microsoft 365 object) id.
-- KEYS[1] users hash (username -> json), KEYS[2] emails hash (lower-case email -> username),
-- KEYS[3] external ids hash (object id -> username), KEYS[4] the customer's directory version (a counter
-- that every write bumps, so readers may keep the user list until it moves)
-- ARGV[1] username, ARGV[2] json, ARGV[3] mode (CREATE|UPDATE|UPSERT), ARGV[4] lower-case email ('' for none),
-- ARGV[5] external id ('' for none)
local username, json, mode, email, external = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5] or ''
local existing = redis.call('HGET', KEYS[1], username)
if mode == 'CREATE' and existing then return {'CONFLICT', 'username', username} end
if mode == 'UPDATE' and not existing then return {'NOT_FOUND'} end
if email ~= '' then
  local owner = redis.call('HGET', KEYS[2], email)
  if owner and owner ~= username then return {'CONFLICT', 'email', email} end
end
if external ~= '' then
  local owner = redis.call('HGET', KEYS[3], external)
  if owner and owner ~= username then return {'CONFLICT', 'externalId', external} end
end
if existing then
  local decoded = cjson.decode(existing)
  local old = decoded.email
  if type(old) == 'string' and string.lower(old) ~= email and redis.call('HGET', KEYS[2], string.lower(old)) == username then
    redis.call('HDEL', KEYS[2], string.lower(old))
  end
  local oldExternal = decoded.externalId
  if type(oldExternal) == 'string' and oldExternal ~= external and redis.call('HGET', KEYS[3], oldExternal) == username then
    redis.call('HDEL', KEYS[3], oldExternal)
  end
end
if email ~= '' then redis.call('HSET', KEYS[2], email, username) end
if external ~= '' then redis.call('HSET', KEYS[3], external, username) end
redis.call('HSET', KEYS[1], username, json)
redis.call('INCR', KEYS[4])
if existing then return {'UPDATED'} else return {'CREATED'} end
