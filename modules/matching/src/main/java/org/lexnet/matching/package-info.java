/**
 * Matching: the process that proposes mentors for waiting requests, re-proposes after a decline or an
 * expiry, and runs admin match rounds. Built in issue 4; today only the package skeleton exists.
 */
package org.lexnet.matching;
