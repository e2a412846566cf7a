package org.rendezvous.app.http;

import java.util.List;

/**
 * Whether an {@link IllegalArgumentException} is the client's mistake (a 400) or a bug (a logged 500).
 *
 * <p>Values validate themselves on construction and say "field: reason". Built from what the client sent —
 * by a controller (an id from the path, an e-mail address, an amount) or by the use case it calls, from the
 * command's content (an opening's hours, an unavailability's label) — a refusal is bad input; so is a
 * controller's own check ("start: required"). Thrown where no request data flows — an adapter mapping what
 * the database or a provider gave it, a view building an answer, a filter, a factory, a job — the same
 * exception means the code handed something wrong to something else: a bug, whatever its message says. The
 * exception's own stack tells which: walking from where it was thrown down to the first frame of the host,
 * it is bad input only when that frame is the HTTP edge (a controller, or the input helpers controllers
 * call) and no frame on the way belongs to an adapter.
 *
 * <p>The line is drawn at the adapters, not at the engine's services, because the services build their
 * aggregates from the commands' content and so validate request data themselves; a bug inside a use case
 * that throws this exception on data of its own making is answered 400 too. That is the compromise.
 */
final class RequestInput {

    private static final String HOST = "org.rendezvous.app.";
    private static final List<String> ADAPTERS = List.of("org.rendezvous.persistence.", "org.rendezvous.payments.",
            "org.rendezvous.notifications.", "org.rendezvous.invoices.");
    /** Host classes that only read request input for controllers. */
    private static final List<String> INPUT_HELPERS = List.of("PhoneInput", "RequestErrors", "StrictJson");

    private RequestInput() {
    }

    static boolean isBadInput(IllegalArgumentException exception) {
        for (StackTraceElement frame : exception.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith(HOST)) {
                String topLevel = type.substring(type.lastIndexOf('.') + 1).split("\\$", 2)[0];
                return topLevel.endsWith("Controller") || INPUT_HELPERS.contains(topLevel);
            }
            if (ADAPTERS.stream().anyMatch(type::startsWith)) {
                return false;
            }
        }
        return false;
    }
}
