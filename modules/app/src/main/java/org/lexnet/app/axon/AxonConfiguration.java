package org.lexnet.app.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.axonframework.springboot.TokenStoreProperties;
import org.lexnet.app.notify.StoredEventsAnnouncer;
import org.lexnet.app.privacy.PersonalDataCipher;
import org.lexnet.app.privacy.PersonalDataModule;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Axon on PostgreSQL through JDBC, without Axon Server. The tables are created by Flyway (see
 * {@code db/migration/V1__axon_tables.sql}) with snake_case names declared here; payloads are {@code bytea}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    private static final long POOLED_CLAIM_EXTENSION_MILLIS = 2000;


    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's JDBC storage engine exactly as its auto-configuration makes it; declared here only because
     * that auto-configuration steps aside once the application declares its own event store.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * Axon's embedded event store (as its auto-configuration makes it, with the same monitor and spans),
     * which also announces stored events to the other nodes ({@link NotifyingEventStore}). The poll it
     * keeps for the events of other nodes is only the fallback for a lost announcement.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    NotifyingEventStore eventStore(EventStorageEngine storageEngine,
                                   org.axonframework.config.Configuration configuration,
                                   StoredEventsAnnouncer announcer,
                                   @Value("${lexnet.event-store.poll-interval:PT1S}") Duration pollInterval,
                                   @Value("${lexnet.event-store.wake-spacing:PT0.05S}") Duration wakeSpacing) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(pollInterval.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS);
        return new NotifyingEventStore(builder, announcer::announce, wakeSpacing);
    }

    /**
     * The aggregates recently loaded on this node, each checked against the store before use
     * ({@link CheckedAggregateCache}); each aggregate names its own in {@code @Aggregate(cache = ...)}.
     * One per kind: ids come from clients, and a member's id sent where a pairing's is expected must
     * find no pairing (a 404), not the member kept under that id.
     */
    @Bean
    CheckedAggregateCache memberCache(JdbcTemplate jdbc, @Value("${lexnet.aggregate-cache.max-entries:10000}") int max) {
        return new CheckedAggregateCache(jdbc, max);
    }

    @Bean
    CheckedAggregateCache mentorshipCache(JdbcTemplate jdbc,
                                          @Value("${lexnet.aggregate-cache.max-entries:10000}") int max) {
        return new CheckedAggregateCache(jdbc, max);
    }

    @Bean
    CheckedAggregateCache connectionCache(JdbcTemplate jdbc,
                                          @Value("${lexnet.aggregate-cache.max-entries:10000}") int max) {
        return new CheckedAggregateCache(jdbc, max);
    }

    @Bean
    CheckedAggregateCache circleCache(JdbcTemplate jdbc, @Value("${lexnet.aggregate-cache.max-entries:10000}") int max) {
        return new CheckedAggregateCache(jdbc, max);
    }

    @Bean
    CheckedAggregateCache opportunityCache(JdbcTemplate jdbc,
                                           @Value("${lexnet.aggregate-cache.max-entries:10000}") int max) {
        return new CheckedAggregateCache(jdbc, max);
    }

    /** Axon's metrics registry with a capacity window of seconds instead of ten minutes. */
    @Bean
    BoundedCapacityMetrics globalMetricRegistry(MeterRegistry meterRegistry) {
        return new BoundedCapacityMetrics(meterRegistry);
    }

    /**
     * Pooled processors extend their segment claims every 2 seconds, well inside the claim timeout (10 s in
     * application.yml). Axon's default, 5 s, relied on the coordinator's 500 ms polling to be kept; since
     * the streams call back when events arrive ({@link NotifyingEventStore}), an idle coordinator wakes
     * only every min(threshold, token claim interval), and with 5 s a claim was extended 5 to 10 s after
     * the last one: on a busy machine another node took the segments of a node that was alive.
     */
    @Bean
    ConfigurerModule pooledClaimsExtendedWellBeforeTheyLapse() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(POOLED_CLAIM_EXTENSION_MILLIS));
    }

    /**
     * Axon's JDBC token store, but owned by this node's {@link NodeIdentity}: two nodes must never both
     * believe they hold one segment's claim (the replay of a read model relies on it).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenSchema tokenSchema,
                          TokenStoreProperties properties, NodeIdentity node) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(tokenSchema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(node.name())
                .build();
    }

    @Bean
    SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    @Bean
    DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_identifier")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    /**
     * PostgreSQL reports a duplicate (aggregate id, sequence number) as SQLState 23505. Axon's default
     * resolver does not know it and would raise a non-retryable storage error; recognised here, a
     * concurrent write to one aggregate becomes a ConcurrencyException (HTTP 409).
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * A failing event handler must never be passed over in silence. Axon's default logs and carries on:
     * for the command-side lookups, which run in the command's transaction, that would commit an event
     * without its lookup row and let the rules that read the lookups (one open connection per pair, the
     * open-request limit, declined pairs, proposal deadlines) drift. Propagating rolls the command back.
     * Processing groups with a dead-letter queue propagate anyway, into the queue.
     */
    @Bean
    ListenerInvocationErrorHandler propagateHandlerErrors() {
        return PropagatingErrorHandler.instance();
    }

    /**
     * Every aggregate is sourced from events of its own kind only. Ids come from clients: a pairing's id
     * sent where a member's is expected would otherwise source a Member from the pairing's events, which
     * fails with a 500 instead of being what it is, an unknown member. {@code @Aggregate} has a switch
     * for this ({@code filterEventsByType}), but Axon 4.13's Spring aggregate lookup does not pass it on
     * to the configurer it registers for each aggregate; this sets it there, for every aggregate.
     */
    @Bean
    static BeanFactoryPostProcessor aggregatesSourcedFromTheirOwnEventsOnly() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(SpringAggregateConfigurer.class, true, false)) {
                beanFactory.getBeanDefinition(name).getPropertyValues().add("filterEventsByType", true);
            }
        };
    }

    /**
     * Copies the actor and the request's correlation id from each command (stamped by
     * {@link CommandMetadataInterceptor}) onto the events it causes, and on down any chain of messages.
     */
    @Bean
    CorrelationDataProvider actorAndCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ACTOR_ID, MessageMetadata.CORRELATION_ID);
    }

    /** Adds {@code causationId} (the message that caused this one) and {@code traceId} (the first one). */
    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider(MessageMetadata.CAUSATION_ID, MessageMetadata.TRACE_ID);
    }

    /**
     * One Jackson serializer for everything Axon stores (events, snapshots, tokens, sagas, dead letters),
     * with its own ObjectMapper: the web layer's strictness must never make an old event unreadable.
     */
    @Bean
    @Primary
    Serializer serializer(PersonalDataCipher personalData) {
        return JacksonSerializer.builder().objectMapper(eventObjectMapper(personalData)).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Personal values in events are sealed with their members' keys as they are stored (docs/privacy.md). */
    private static ObjectMapper eventObjectMapper(PersonalDataCipher personalData) {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new PersonalDataModule(personalData))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
