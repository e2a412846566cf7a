package org.rendezvous.core.notification;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Move;
import org.rendezvous.core.booking.Transition;

/**
 * CAL-1: the invitation of a confirmation (or of a confirmed booking's move) is the booking as the event left it,
 * whatever happened to the booking before the e-mail leaves (issue 14). It is rebuilt when the message is resolved,
 * from the booking's own history (its transitions and moves carry their instants) and the message's cause key, so
 * nothing more is stored and no SQL statement is added to the booking path. The resolver passes it to senders as
 * three parameters.
 *
 * <p>Instants are microseconds, so two commands on one booking at one instant only happen under a test's fixed
 * clock; then a confirmation counts the moves strictly before it, a move is the one its cause key names, and a
 * change of state at the move's own instant counts as before the move if it holds a seat (nothing can move a
 * booking that holds none), as after it otherwise.
 */
public final class InvitationSnapshot {

    public static final String START = "invitation.start";
    public static final String END = "invitation.end";
    public static final String SEQUENCE = "invitation.sequence";

    /** The events written only when the booking became CONFIRMED. */
    private static final Set<MessageKind> CONFIRMATIONS = EnumSet.of(MessageKind.BOOKING_CONFIRMED,
            MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY);
    private static final Set<MessageKind> MOVES = EnumSet.of(MessageKind.MOVED_BY_CLIENT, MessageKind.MOVED_BY_PRACTITIONER);
    /** The move's number at the end of a move's cause key, {@code MOVED_BY_CLIENT:<booking>:move<n>}. */
    private static final Pattern MOVE_NUMBER = Pattern.compile(":move(\\d+)$");

    private InvitationSnapshot() {
    }

    /** The events whose e-mails carry a {@code METHOD:REQUEST} invitation when the booking was CONFIRMED then. */
    public static Set<MessageKind> kinds() {
        EnumSet<MessageKind> kinds = EnumSet.copyOf(CONFIRMATIONS);
        kinds.addAll(MOVES);
        return kinds;
    }

    /**
     * The invitation's parameters for a message of this kind, written at {@code writtenAt} with this cause key,
     * if the booking was CONFIRMED then; empty otherwise.
     */
    public static Map<String, String> of(MessageKind kind, String causeKey, Booking booking, Instant writtenAt) {
        int moves;
        if (CONFIRMATIONS.contains(kind)) {
            if (booking.history().stream().noneMatch(t -> t.to() == BookingState.CONFIRMED && !t.at().isAfter(writtenAt))) {
                return Map.of();
            }
            moves = (int) booking.moves().stream().filter(m -> m.at().isBefore(writtenAt)).count();
        } else if (MOVES.contains(kind)) {
            if (stateAtMove(booking.history(), writtenAt).filter(s -> s == BookingState.CONFIRMED).isEmpty()) {
                return Map.of();
            }
            moves = moveNumber(causeKey).orElseGet(
                    () -> (int) booking.moves().stream().filter(m -> !m.at().isAfter(writtenAt)).count());
            if (moves < 1 || moves > booking.moves().size()) {
                return Map.of();
            }
        } else {
            return Map.of();
        }
        Instant start = startAfter(booking, moves);
        Map<String, String> parameters = new TreeMap<>();
        parameters.put(START, start.toString());
        parameters.put(END, start.plus(booking.duration()).toString());
        parameters.put(SEQUENCE, Integer.toString(moves));
        return parameters;
    }

    /** The start once the first {@code moves} moves were made. */
    private static Instant startAfter(Booking booking, int moves) {
        List<Move> all = booking.moves();
        if (moves == 0) {
            return all.isEmpty() ? booking.start() : all.get(0).previousStart();
        }
        return all.get(moves - 1).newStart();
    }

    private static Optional<Integer> moveNumber(String causeKey) {
        Matcher matcher = MOVE_NUMBER.matcher(causeKey);
        return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Optional<BookingState> stateAtMove(List<Transition> history, Instant at) {
        Optional<BookingState> state = Optional.empty();
        for (Transition transition : history) {
            if (transition.at().isBefore(at) || (transition.at().equals(at) && transition.to().holdsSeat())) {
                state = Optional.of(transition.to());
            }
        }
        return state;
    }
}
