package io.helpdeskverify.shared.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.SlotHash;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The 16 key shards as Redis Cluster sees them: 16 tags, 16 slots, spread over three even masters. */
class KeyShardsTest {

    @Test
    void theSixteenTagsHashToSixteenSlotsThatThreeEvenMastersAllShare() {
        var slots = KeyShards.all().stream().map(s -> SlotHash.getSlot(KeyShards.prefix(s) + "v:x")).collect(Collectors.toSet());
        assertThat(slots).hasSize(KeyShards.COUNT);
        var masters = new HashSet<Integer>();
        slots.forEach(slot -> masters.add(slot * 3 / 16384));
        assertThat(masters).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void anIdInItsCustomersShardHasTheCustomersTagAndSlot() {
        assertThat(KeyShards.of("acme")).isBetween(0, KeyShards.COUNT - 1);
        String id = "x";
        for (int i = 0; !KeyShards.same(id, "acme"); i++) {
            id = "id-" + i;
        }
        assertThat(KeyShards.prefixOf(id)).isEqualTo(KeyShards.prefixOf("acme"));
        assertThat(SlotHash.getSlot(KeyShards.prefixOf(id) + "v:" + id))
                .isEqualTo(SlotHash.getSlot(KeyShards.prefixOf("acme") + "awaiting:acme:pat"));
        assertThatThrownBy(() -> KeyShards.prefix(KeyShards.COUNT)).isInstanceOf(IllegalArgumentException.class);
    }
}
