-- Claims one alert and records its pending notices in the same step, so an instance that dies after
-- the claim leaves the notices for another instead of losing them.
-- KEYS[1] the alert's claim key (holds the alert), KEYS[2] its shard's pending set (same hash tag).
-- ARGV[1] the alert (JSON), ARGV[2] how long the claim is kept (ms), ARGV[3] the lease (score, ms),
-- ARGV[4..] one pending-set member per notice.
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 0
end
for i = 4, #ARGV do
  redis.call('ZADD', KEYS[2], ARGV[3], ARGV[i])
end
return 1
