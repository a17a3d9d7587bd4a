-- A directory agent's batch is applied: its report is kept (a retry is answered from it), the
-- snapshot under way moves on and the agent's status (what GET …/directory/sync shows) follows, in
-- the same step, so a retry never finds the page already counted.
-- KEYS[1] the batch's report, KEYS[2] the snapshot, KEYS[3] the GUIDs the snapshot saw, KEYS[4] the
-- agent's status (one customer's keys: one hash tag). ARGV[1] report JSON, ARGV[2] seconds to keep
-- it, ARGV[3] what happens to the snapshot: "keep", "next" (ARGV[4] its JSON) or "end"; ARGV[5] the status JSON.
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
if ARGV[3] == 'next' then
  redis.call('SET', KEYS[2], ARGV[4])
elseif ARGV[3] == 'end' then
  redis.call('DEL', KEYS[2], KEYS[3])
end
redis.call('SET', KEYS[4], ARGV[5])
return 1
