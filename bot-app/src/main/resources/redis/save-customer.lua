-- Writes a customer and its email-domain index atomically, refusing a taken slug or domain.
-- KEYS[1] customers hash (slug -> json), KEYS[2] domains hash (domain -> slug)
-- ARGV[1] slug, ARGV[2] json, ARGV[3] mode (CREATE|UPDATE|UPSERT), ARGV[4..] email domains
local slug, json, mode = ARGV[1], ARGV[2], ARGV[3]
local exists = redis.call('HEXISTS', KEYS[1], slug) == 1
if mode == 'CREATE' and exists then return {'CONFLICT', 'slug', slug} end
if mode == 'UPDATE' and not exists then return {'NOT_FOUND'} end
for i = 4, #ARGV do
  local owner = redis.call('HGET', KEYS[2], ARGV[i])
  if owner and owner ~= slug then return {'CONFLICT', 'emailDomains', ARGV[i]} end
end
-- Release the domains this customer no longer has.
local all = redis.call('HGETALL', KEYS[2])
for i = 1, #all, 2 do
  if all[i + 1] == slug then redis.call('HDEL', KEYS[2], all[i]) end
end
for i = 4, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], slug) end
redis.call('HSET', KEYS[1], slug, json)
if exists then return {'UPDATED'} else return {'CREATED'} end
