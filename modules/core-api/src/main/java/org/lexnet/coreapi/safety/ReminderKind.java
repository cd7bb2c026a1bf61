package org.lexnet.coreapi.safety;

/** Which reminder a proposed mentor got: each is sent at most once per proposal. */
public enum ReminderKind {
    /** The proposal has waited for an answer for a while ({@code lexnet.reminders.unanswered-after}). */
    UNANSWERED,
    /** The proposal expires soon ({@code lexnet.reminders.before-expiry} before its deadline). */
    BEFORE_EXPIRY
}
