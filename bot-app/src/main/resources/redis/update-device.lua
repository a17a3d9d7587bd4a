-- Replaces an active device (new FCM token, notification switch, token marked dead). A device
-- revoked meanwhile stays revoked: a late FCM answer or app call must not bring it back.
-- KEYS[1] the user's active-device set, KEYS[2] device
-- ARGV[1] device id, ARGV[2] device json
if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[2])
return 1
