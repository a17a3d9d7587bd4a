-- One page of a customer's events, newest first: ids from the customer's index stream, entries
-- from the global stream (an id already trimmed there is skipped).
-- KEYS[1] customer index stream, KEYS[2] global stream; ARGV[1] upper bound, ARGV[2] lower bound, ARGV[3] count
-- Returns {ids read, last id read ('' for none), entry, entry, ...}, each entry {id, {name, value, ...},
-- {the index entry's fields: its links in the customer's chain}}.
local ids = redis.call('XREVRANGE', KEYS[1], ARGV[1], ARGV[2], 'COUNT', ARGV[3])
local out = {#ids, #ids > 0 and ids[#ids][1] or ''}
for _, entry in ipairs(ids) do
  local full = redis.call('XRANGE', KEYS[2], entry[1], entry[1])
  if full[1] then
    full[1][3] = entry[2]
    out[#out + 1] = full[1]
  end
end
return out
