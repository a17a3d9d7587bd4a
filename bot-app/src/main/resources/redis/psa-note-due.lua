-- Moves a note from waiting (KEYS[1]) to due (KEYS[2]) at ARGV[2] ms. Once: only the caller that
-- took it out of waiting moves it, so the end heard on two instances makes one due note.
if redis.call('ZREM', KEYS[1], ARGV[1]) == 1 then
  redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
  return 1
end
return 0
