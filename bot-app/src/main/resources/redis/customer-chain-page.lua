-- One page of a customer's chain, oldest first, for verification: index entries (with their links in the
-- customer's chain) joined with the events they point to in the global stream.
-- KEYS[1] customer index stream, KEYS[2] global stream; ARGV[1] lower bound, ARGV[2] upper bound, ARGV[3] count
-- Returns {entry, ...}, each {id, {index fields}, {event fields} or {} when the event is gone}.
local ids = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[2], 'COUNT', ARGV[3])
local out = {}
for _, entry in ipairs(ids) do
  local full = redis.call('XRANGE', KEYS[2], entry[1], entry[1])
  out[#out + 1] = {entry[1], entry[2], full[1] and full[1][2] or {}}
end
return out
