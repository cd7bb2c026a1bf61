package org.lexnet.command.connection;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A failure to update the network lookups must fail the command that caused it. Axon's default for
 * event handlers is to log and carry on, which for a subscribing lookup would commit the event without
 * its row and let the one-open-connection-per-pair rule drift; propagating rolls the whole transaction
 * back instead.
 */
@Configuration(proxyBeanMethods = false)
class NetworkLookupsConfiguration {

    @Bean
    ConfigurerModule networkLookupsPropagateErrors() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                NetworkLookups.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
