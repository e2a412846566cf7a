package org.rendezvous.core.agenda;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** When an opening recurs (AG-3): every week on one day within a validity range, or on one date. */
public sealed interface Schedule permits Schedule.Weekly, Schedule.OnDate {

    boolean occursOn(LocalDate date);

    /**
     * Every week on {@code day} from {@code validFrom}, until {@code validUntil} inclusive if given;
     * {@code skippedDates} are the single occurrences the practitioner deleted (AG-4).
     */
    record Weekly(DayOfWeek day, LocalDate validFrom, Optional<LocalDate> validUntil, Set<LocalDate> skippedDates)
            implements Schedule {
        public Weekly {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(validFrom, "validFrom");
            Objects.requireNonNull(validUntil, "validUntil");
            Objects.requireNonNull(skippedDates, "skippedDates");
            if (validUntil.isPresent() && validUntil.get().isBefore(validFrom)) {
                throw new IllegalArgumentException("validUntil: must not be before validFrom");
            }
            skippedDates = Collections.unmodifiableSortedSet(new TreeSet<>(skippedDates));
        }

        public static Weekly every(DayOfWeek day, LocalDate validFrom) {
            return new Weekly(day, validFrom, Optional.empty(), Set.of());
        }

        @Override
        public boolean occursOn(LocalDate date) {
            return date.getDayOfWeek() == day && !date.isBefore(validFrom)
                    && (validUntil.isEmpty() || !date.isAfter(validUntil.get()))
                    && !skippedDates.contains(date);
        }

        public Weekly skipping(LocalDate date) {
            Set<LocalDate> skipped = new TreeSet<>(skippedDates);
            skipped.add(date);
            return new Weekly(day, validFrom, validUntil, skipped);
        }

        /** The first date on or after {@code from} on this opening's day of week, skipped or not. */
        LocalDate firstDayOnOrAfter(LocalDate from) {
            int shift = (day.getValue() - from.getDayOfWeek().getValue() + 7) % 7;
            return from.plusDays(shift);
        }
    }

    record OnDate(LocalDate date) implements Schedule {
        public OnDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public boolean occursOn(LocalDate other) {
            return date.equals(other);
        }
    }
}
