-- KEYS[1] hash of tokens, KEYS[2] hash of active names. ARGV[1] id, ARGV[2] name, ARGV[3] revoked JSON.
-- The name is freed only if it still points at this token.
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
if redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[1] then
  redis.call('HDEL', KEYS[2], ARGV[2])
end
return 1
