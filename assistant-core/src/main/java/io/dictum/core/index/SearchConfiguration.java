package io.dictum.core.index;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared sentence-embedding model and the search settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SearchProperties.class)
public class SearchConfiguration {

    @Bean
    SentenceEmbeddings sentenceEmbeddings() {
        return SentenceEmbeddings.loadInBackground();
    }
}
