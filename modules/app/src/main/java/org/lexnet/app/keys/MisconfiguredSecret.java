package org.lexnet.app.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A key or token given in configuration cannot be used as it is: start-up stops with this, naming the
 * environment variable, what is wrong with its value (never the value) and how to make a good one.
 */
public class MisconfiguredSecret extends IllegalStateException {

    private final String variable;
    private final String remedy;

    public MisconfiguredSecret(String variable, String problem, String remedy) {
        super(variable + " " + problem);
        this.variable = variable;
        this.remedy = remedy;
    }

    public String variable() {
        return variable;
    }

    /** Prints the reason and the remedy instead of a stack trace (registered in META-INF/spring.factories). */
    static class Analyzer extends AbstractFailureAnalyzer<MisconfiguredSecret> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, MisconfiguredSecret cause) {
            return new FailureAnalysis(cause.getMessage(), cause.remedy, cause);
        }
    }
}
