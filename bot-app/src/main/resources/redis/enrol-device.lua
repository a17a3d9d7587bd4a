-- Enrols a device with a one-time token, atomically with the checks that may refuse it, so two
-- enrolments racing for the last free slot (or against a disable) cannot both win. The token is
-- spent only when the device is stored, or when its user can no longer be verified at all.
-- KEYS[1] enrolment token, KEYS[2] the user's active-device set, KEYS[3] device, KEYS[4] device secret
-- index, KEYS[5] the customer's users hash
-- ARGV[1] customer, ARGV[2] username, ARGV[3] device id, ARGV[4] device json, ARGV[5] max active devices
local raw = redis.call('GET', KEYS[1])
if not raw then return {'TOKEN_GONE'} end
local target = cjson.decode(raw)
if target.customer ~= ARGV[1] or target.endUser ~= ARGV[2] then return {'TOKEN_GONE'} end
local user = redis.call('HGET', KEYS[5], ARGV[2])
if not user or cjson.decode(user).enabled ~= true then
  redis.call('DEL', KEYS[1])
  return {'USER_UNAVAILABLE'}
end
local active = redis.call('SCARD', KEYS[2])
if active >= tonumber(ARGV[5]) then return {'LIMIT', active} end
redis.call('DEL', KEYS[1])
redis.call('SET', KEYS[3], ARGV[4])
redis.call('SADD', KEYS[2], ARGV[3])
redis.call('SET', KEYS[4], ARGV[3])
return {'ENROLLED'}
