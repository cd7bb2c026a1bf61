package org.lexnet.matching.proposal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Keeps requests moving: a new open request gets the best available mentor proposed at once, and
 * after a decline or an expiry the next best is proposed. It runs in the matching pool's processing
 * group, after the pool has taken the same event in, and proposes once that batch has committed, on
 * its own thread and transaction — a refused proposal must never roll back the pool. Not on replay:
 * history is not re-proposed. (A request whose moment was lost in a crash waits for the next round.)
 */
@Component
@ProcessingGroup("matching-pool")
class ProposalProcess {

    private static final Logger log = LoggerFactory.getLogger(ProposalProcess.class);

    private final MentorChooser chooser;
    private final boolean enabled;
    private final TaskExecutor proposer;

    /** @param enabled off when the programme team prefers to propose only through match rounds */
    ProposalProcess(MentorChooser chooser,
                    @org.springframework.beans.factory.annotation.Value("${lexnet.matching.instant-proposals:true}")
                    boolean enabled,
                    @Qualifier("matchingProposer") TaskExecutor proposer) {
        this.chooser = chooser;
        this.enabled = enabled;
        this.proposer = proposer;
    }

    @EventHandler
    @DisallowReplay
    void on(MentorshipRequestedEvent event) {
        if (event.requestedMentorId() == null) {
            afterCommit(event.mentorshipId(), null);
        }
    }

    @EventHandler
    @DisallowReplay
    void on(ProposalDeclinedEvent event) {
        afterCommit(event.mentorshipId(), event.mentorId());
    }

    @EventHandler
    @DisallowReplay
    void on(ProposalExpiredEvent event) {
        // a mentor who let the proposal lapse is not asked again straight away
        afterCommit(event.mentorshipId(), event.mentorId());
    }

    private void afterCommit(MentorshipId mentorshipId, MemberId exclude) {
        if (!enabled) {
            return;
        }
        Runnable propose = () -> proposer.execute(() -> {
            try {
                chooser.proposeBest(mentorshipId, exclude);
            } catch (RuntimeException e) {
                log.warn("Could not propose a mentor for {}: {}", mentorshipId, e.getMessage());
            }
        });
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> propose.run());
        } else {
            propose.run();
        }
    }
}
