package org.lexnet.app.account;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The first admin cannot be created as configured; start-up stops with this, said plainly to the operator. */
class AdminBootstrapRefused extends IllegalStateException {

    private final String action;

    AdminBootstrapRefused(String reason, String action) {
        super(reason);
        this.action = action;
    }

    /** Prints the reason and what to do instead of a stack trace (registered in META-INF/spring.factories). */
    static class Analyzer extends AbstractFailureAnalyzer<AdminBootstrapRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, AdminBootstrapRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
