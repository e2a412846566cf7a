package org.rendezvous.core.agenda;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** AG-3: two openings of one practitioner may not overlap on any date on which both occur. */
public final class OpeningOverlap {

    private OpeningOverlap() {
    }

    /** The first of {@code others} (other than the candidate itself) that overlaps the candidate. */
    public static Optional<Opening> firstOverlapping(Opening candidate, List<Opening> others) {
        return others.stream()
                .filter(other -> !other.id().equals(candidate.id()))
                .filter(other -> other.timesIntersect(candidate) && shareADate(candidate.schedule(), other.schedule()))
                .findFirst();
    }

    static boolean shareADate(Schedule a, Schedule b) {
        if (a instanceof Schedule.OnDate onDate) {
            return b.occursOn(onDate.date());
        }
        if (b instanceof Schedule.OnDate onDate) {
            return a.occursOn(onDate.date());
        }
        Schedule.Weekly x = (Schedule.Weekly) a;
        Schedule.Weekly y = (Schedule.Weekly) b;
        if (x.day() != y.day()) {
            return false;
        }
        LocalDate from = x.validFrom().isAfter(y.validFrom()) ? x.validFrom() : y.validFrom();
        LocalDate date = x.firstDayOnOrAfter(from);
        // Skipped dates are finite, so one more occurrence than there are skipped dates settles it.
        int tries = x.skippedDates().size() + y.skippedDates().size() + 1;
        for (int i = 0; i < tries; i++, date = date.plusWeeks(1)) {
            boolean beyondX = x.validUntil().isPresent() && date.isAfter(x.validUntil().get());
            boolean beyondY = y.validUntil().isPresent() && date.isAfter(y.validUntil().get());
            if (beyondX || beyondY) {
                return false;
            }
            if (x.occursOn(date) && y.occursOn(date)) {
                return true;
            }
        }
        return false;
    }
}
