package org.rendezvous.core.port;

import java.util.List;
import java.util.Set;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operators' audit log: append-only, written in the transaction of the action it records. Whether
 * a practitioner is suspended is read from it: the latest suspension or reactivation of them decides.
 */
public interface OperatorActions {

    void record(OperatorAction action);

    /** The latest actions, newest first, at most {@code limit}. */
    List<OperatorAction> recent(int limit);

    /** The actions that touched one practitioner's data, newest first. */
    List<OperatorAction> about(PractitionerId practitioner);

    /** Whether the practitioner's latest suspension or reactivation is a suspension. Asked before public requests. */
    boolean suspended(PractitionerId practitioner);

    /** Every practitioner suspended now. */
    Set<PractitionerId> suspended();
}
