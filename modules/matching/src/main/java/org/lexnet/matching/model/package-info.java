/**
 * Scoring and optimal assignment as pure Java: no Spring, no Axon (an ArchUnit test keeps it so).
 * Built in issue 4.
 */
package org.lexnet.matching.model;
