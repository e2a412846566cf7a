package org.rendezvous.notifications;

/** Which SMS provider to use, chosen by configuration: Twilio or Brevo. */
public sealed interface SmsSettings permits TwilioSettings, BrevoSettings {
}
