package io.dictum.core;

import io.dictum.core.documents.DocumentStore;
import io.dictum.core.documents.FileSystemDocumentStore;
import io.dictum.core.encryption.ContentCipher;
import io.dictum.core.encryption.EncryptionProperties;
import io.dictum.core.encryption.MasterKeySource;
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
@EnableConfigurationProperties({DictumProperties.class, EncryptionProperties.class})
@ComponentScan
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FirmCalendar firmCalendar(Clock clock, DictumProperties properties) {
        return new FirmCalendar(clock, properties.timeZone());
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
    ContentCipher contentCipher(DictumProperties properties, EncryptionProperties encryption) {
        return new ContentCipher(MasterKeySource.load(encryption, properties.dataDir()));
    }

    @Bean
    DocumentStore documentStore(DictumProperties properties, EncryptionProperties encryption, ContentCipher cipher) {
        return new FileSystemDocumentStore(properties.dataDir().resolve("documents"), cipher,
                encryption.readPlaintext());
    }
}
