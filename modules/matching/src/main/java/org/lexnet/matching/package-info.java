/**
 * Matching: the process that proposes mentors for waiting requests, re-proposes after a decline or an
 * expiry, and runs admin match rounds.
 */
package org.lexnet.matching;
