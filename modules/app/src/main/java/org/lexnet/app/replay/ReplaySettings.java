package org.lexnet.app.replay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a replay's steps may wait ({@code lexnet.replay.*}); every wait is bounded, and a replay that
 * cannot start says so in its state instead of hanging.
 *
 * @param startTimeout how long every node has to release its claims on the processor's segments before
 *                     the replay is given up (FAILED, with the nodes still holding claims named); longer
 *                     than the claim timeout, so that a node that died meanwhile does not stop it
 * @param stopTimeout  how long a node waits for its own processor to stop (the batch under way finishes)
 * @param lockWait     how long the reset and the switch wait for the read model's lock and its tables
 *                     before trying again a moment later; queries never wait longer than this behind them
 * @param pollInterval how often each node looks at the replays when no notification woke it
 */
@ConfigurationProperties("lexnet.replay")
public record ReplaySettings(@DefaultValue("PT60S") Duration startTimeout, @DefaultValue("PT30S") Duration stopTimeout,
                             @DefaultValue("PT0.5S") Duration lockWait, @DefaultValue("PT1S") Duration pollInterval) {
}
