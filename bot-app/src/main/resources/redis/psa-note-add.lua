-- Records a note owed to a ticket: the link (KEYS[2], kept ARGV[3] seconds) and its look-again time
-- in the waiting set (KEYS[1], score ARGV[2] ms), together, so no crash leaves one without the other.
redis.call('SET', KEYS[2], ARGV[4], 'EX', ARGV[3])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
return 1
