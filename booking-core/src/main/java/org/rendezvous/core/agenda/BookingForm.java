package org.rendezvous.core.agenda;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.TypedText;
import java.util.Set;

/** The practitioner's custom booking questions (BK-1), in the order they are asked. */
public record BookingForm(List<FormField> fields) {

    public static final BookingForm EMPTY = new BookingForm(List.of());

    public BookingForm {
        Objects.requireNonNull(fields, "fields");
        fields = List.copyOf(fields);
        Set<String> keys = new HashSet<>();
        for (FormField field : fields) {
            if (!keys.add(field.key())) {
                throw new IllegalArgumentException("fields: the key '" + field.key() + "' is used twice");
            }
        }
        if (fields.size() > 50) {
            throw new IllegalArgumentException("fields: at most 50 questions");
        }
    }

    /** The first problem with a client's answers, if any: an unknown key, a missing required answer, or one too long. */
    public Optional<AnswerProblem> check(Map<String, String> answers) {
        Optional<AnswerProblem> unknown = unknownKey(answers);
        if (unknown.isPresent()) {
            return unknown;
        }
        for (FormField field : fields) {
            String answer = answers.get(field.key());
            if (field.required() && (answer == null || answer.isBlank())) {
                return Optional.of(new AnswerProblem(field.key(), true, "answers." + field.key() + ": an answer is required"));
            }
            Optional<AnswerProblem> tooLong = tooLong(field, answer);
            if (tooLong.isPresent()) {
                return tooLong;
            }
        }
        return Optional.empty();
    }

    /**
     * BK-6: answers a practitioner enters by hand may leave a required question open (the client may answer
     * it later, in person), but never answer a question the form does not ask, nor run past its length.
     */
    public Optional<AnswerProblem> checkGiven(Map<String, String> answers) {
        Optional<AnswerProblem> unknown = unknownKey(answers);
        if (unknown.isPresent()) {
            return unknown;
        }
        for (FormField field : fields) {
            Optional<AnswerProblem> tooLong = tooLong(field, answers.get(field.key()));
            if (tooLong.isPresent()) {
                return tooLong;
            }
        }
        return Optional.empty();
    }

    private Optional<AnswerProblem> unknownKey(Map<String, String> answers) {
        for (String key : answers.keySet()) {
            if (fields.stream().noneMatch(f -> f.key().equals(key))) {
                return Optional.of(new AnswerProblem(key, false, "answers." + key + ": not a question of this booking form"));
            }
        }
        return Optional.empty();
    }

    private static Optional<AnswerProblem> tooLong(FormField field, String answer) {
        if (answer != null && answer.length() > field.maxLength()) {
            return Optional.of(new AnswerProblem(field.key(), false,
                    "answers." + field.key() + ": at most " + field.maxLength() + " characters"));
        }
        // Bad input: a NUL is refused by PostgreSQL and a lone surrogate stored altered, so neither gets that far.
        Optional<String> notText = answer == null ? Optional.empty() : TypedText.problem(answer, true);
        if (notText.isPresent()) {
            return Optional.of(new AnswerProblem(field.key(), false, "answers." + field.key() + ": " + notText.get()));
        }
        return Optional.empty();
    }

    public record AnswerProblem(String key, boolean missing, String detail) {
    }
}
