-- KEYS[1] hash of tokens (id -> JSON), KEYS[2] hash of active names (name -> id)
-- ARGV[1] id, ARGV[2] name, ARGV[3] JSON. 1 when stored, 0 when an active token has the name.
if redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
