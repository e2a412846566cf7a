package org.rendezvous.core.outcome;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a use case answers: accepted with its value, or rejected for a business reason. Java 17
 * cannot switch over sealed types, so {@link #fold} makes the caller handle both branches.
 */
public sealed interface Outcome<T> permits Outcome.Accepted, Outcome.Rejected {

    static <T> Outcome<T> accepted(T value) {
        return new Accepted<>(value);
    }

    static <T> Outcome<T> rejected(Reason reason, String detail) {
        return new Rejected<>(reason, detail);
    }

    <R> R fold(Function<? super T, ? extends R> onAccepted, Function<Rejected<T>, ? extends R> onRejected);

    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /** The accepted value; a rejection here is a programming error, thrown with its reason. */
    default T orElseThrow() {
        return fold(Function.identity(), rejected -> {
            throw new IllegalStateException(rejected.reason() + ": " + rejected.detail());
        });
    }

    /** Carries a rejection over to another result type. */
    default <U> Outcome<U> map(Function<? super T, ? extends U> mapper) {
        return fold(value -> new Accepted<U>(mapper.apply(value)),
                rejected -> new Rejected<U>(rejected.reason(), rejected.detail()));
    }

    /** Goes on with another step when accepted; a rejection is carried over as it is. */
    default <U> Outcome<U> flatMap(Function<? super T, Outcome<U>> next) {
        return fold(next::apply, rejected -> new Rejected<U>(rejected.reason(), rejected.detail()));
    }

    record Accepted<T>(T value) implements Outcome<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> onAccepted, Function<Rejected<T>, ? extends R> onRejected) {
            return onAccepted.apply(value);
        }
    }

    /** A business refusal: a stable code and a sentence for people, naming the field or rule at fault. */
    record Rejected<T>(Reason reason, String detail) implements Outcome<T> {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public <R> R fold(Function<? super T, ? extends R> onAccepted, Function<Rejected<T>, ? extends R> onRejected) {
            return onRejected.apply(this);
        }
    }
}
