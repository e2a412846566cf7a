package org.rendezvous.core.notification;

public enum Channel {
    EMAIL,
    SMS
}
