package org.lexnet.app.support;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test only: holds a replay half way, so that a test can look at it while it runs (progress, a second
 * request, queries answering), then lets it go. Registered in every application context of the test JVM
 * (it is a component of the test classpath), because whichever node claims the processor's segments after
 * the reset does the replaying. Unarmed, it lets everything through; armed, it lets a number of replayed
 * events of one processor through and holds the rest until released, never longer than {@link #LONGEST_HOLD}
 * (a claim held longer than the claim timeout would move to another node).
 */
@Component
public class ReplayGate implements ConfigurerModule {

    static final Duration LONGEST_HOLD = Duration.ofSeconds(8);

    private static volatile Armed armed;

    /** Lets {@code events} replayed events of the processor through, then holds them until {@link #release()}. */
    public static void arm(String processor, int events) {
        armed = new Armed(processor, events);
    }

    /** Lets every held event go, and every later one. */
    public static void release() {
        Armed current = armed;
        armed = null;
        if (current != null) {
            current.released.countDown();
        }
    }

    /** How many replayed events of the armed processor have come to the gate. */
    public static int arrived() {
        Armed current = armed;
        return current == null ? 0 : current.arrived.get();
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) -> new Hold(processor));
    }

    private record Armed(String processor, int passing, AtomicInteger arrived, CountDownLatch released) {
        Armed(String processor, int passing) {
            this(processor, passing, new AtomicInteger(), new CountDownLatch(1));
        }
    }

    private record Hold(String processor) implements MessageHandlerInterceptor<EventMessage<?>> {
        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Armed current = armed;
            if (current != null && current.processor().equals(processor) && ReplayToken.isReplay(unitOfWork.getMessage())
                    && current.arrived().incrementAndGet() > current.passing()) {
                current.released().await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
            }
            return chain.proceed();
        }
    }
}
