package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.practitioner.PractitionerId;

/** The secret of each practitioner's calendar feed address (CAL-2): one per practitioner, replaced to revoke. */
public interface CalendarFeeds {

    /** The practitioner's current feed token, if they have one. */
    Optional<FeedToken> token(PractitionerId practitioner);

    /** Gives the practitioner this token, replacing (and so revoking) the one they had. */
    void replace(PractitionerId practitioner, FeedToken token);

    /** Whose feed the token opens, if it is anyone's current token. */
    Optional<PractitionerId> owner(FeedToken token);
}
