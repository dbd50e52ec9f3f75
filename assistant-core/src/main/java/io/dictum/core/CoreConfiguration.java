package io.dictum.core;

import io.dictum.core.documents.DocumentStore;
import io.dictum.core.documents.FileSystemDocumentStore;
import io.dictum.templates.extraction.TextExtractor;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/** assistant-core's beans; the web application imports this and nothing else of the core's wiring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DictumProperties.class)
@ComponentScan
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** Up to a million characters of each document's text are indexed. */
    @Bean
    TextExtractor textExtractor() {
        return new TextExtractor(1_000_000);
    }

    @Bean
    DocumentStore documentStore(DictumProperties properties) {
        return new FileSystemDocumentStore(properties.dataDir().resolve("documents"));
    }
}
