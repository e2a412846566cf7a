package org.rendezvous.core.calendar;

/** Why the last fetch of a practitioner's own calendar failed; stable codes the dashboard turns into sentences. */
public enum FetchFailure {
    /** The server did not answer in time (connecting or sending the calendar). */
    TIMEOUT,
    /** No connection could be made (unknown host, refused, TLS failure). */
    UNREACHABLE,
    /** The server answered with an HTTP status other than 200 or 304 (the detail is the status). */
    HTTP_STATUS,
    /** The answer is not an iCalendar stream. */
    NOT_A_CALENDAR,
    /** The calendar is larger than the limit. */
    TOO_LARGE,
    /** More redirects than the limit, or a redirect to an address that is not allowed. */
    TOO_MANY_REDIRECTS
}
