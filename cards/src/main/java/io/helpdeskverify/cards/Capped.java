package io.helpdeskverify.cards;

import java.util.List;

/**
 * A list cut to fit a card: the first {@code head} and last {@code tail} items, with the number left
 * out in between, which every renderer shows ("… 3 more steps") so the cut is never silent.
 */
record Capped<T>(List<T> head, int omitted, List<T> tail) {

    static <T> Capped<T> of(List<T> items, int headMax, int tailMax) {
        if (items.size() <= headMax + tailMax) {
            return new Capped<>(List.copyOf(items), 0, List.of());
        }
        return new Capped<>(
                List.copyOf(items.subList(0, headMax)),
                items.size() - headMax - tailMax,
                List.copyOf(items.subList(items.size() - tailMax, items.size())));
    }
}
