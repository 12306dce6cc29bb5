package org.solidarityhub.events;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The moderators' warning before approving: other events of the same campaign that start on the same local day,
 * near the same place (within {@link #NEAR_KM} km by their coordinates, or in the same city and country) and with a
 * similar title (the Dice coefficient of the letter trigrams of the folded titles, at least {@link #SIMILAR}: "Peace
 * for Ukraine rally" and "Rally: peace for Ukraine!" are similar, "Concert" and "Vigil" are not). Online events
 * are near each other.
 */
@Component
class LikelyDuplicates {

    static final double NEAR_KM = 2.0;
    static final double SIMILAR = 0.5;
    /** How many events of the same day are compared at most. */
    static final int COMPARED = 2_000;

    private final EventStore store;

    LikelyDuplicates(EventStore store) {
        this.store = store;
    }

    List<EventStore.SameDay> of(StoredEvent event) {
        if (event.latest() == null) {
            return List.of();
        }
        Draft draft = event.latest().draft();
        return store.sameDay(event.campaignId(), event.id(), draft.startsLocal().toLocalDate(), COMPARED).stream()
                .filter(other -> near(draft, other) && similarity(draft.title(), other.title()) >= SIMILAR)
                .toList();
    }

    static boolean near(Draft draft, EventStore.SameDay other) {
        if (draft.latitude() != null && other.latitude() != null) {
            return Gazetteer.distanceKm(draft.latitude().doubleValue(), draft.longitude().doubleValue(),
                    other.latitude().doubleValue(), other.longitude().doubleValue()) <= NEAR_KM;
        }
        if (draft.city() == null || other.city() == null) {
            return draft.city() == null && other.city() == null; // both online
        }
        return Objects.equals(draft.country(), other.country()) && Gazetteer.fold(draft.city()).equals(Gazetteer.fold(other.city()));
    }

    /** The Dice coefficient of the letter trigrams of two titles, folded (case, accents, punctuation): 0 to 1. */
    static double similarity(String a, String b) {
        Set<String> x = trigrams(a);
        Set<String> y = trigrams(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return 2.0 * common.size() / (x.size() + y.size());
    }

    private static Set<String> trigrams(String title) {
        Set<String> trigrams = new HashSet<>();
        for (String word : Gazetteer.fold(title).replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String padded = "  " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                trigrams.add(padded.substring(i, i + 3));
            }
        }
        return trigrams;
    }
}
