/**
 * Scoring and optimal assignment as pure Java: no Spring, no Axon (an ArchUnit test keeps it so).
 */
package org.lexnet.matching.model;
