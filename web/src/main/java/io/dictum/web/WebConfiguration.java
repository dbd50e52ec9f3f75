package io.dictum.web;

import io.dictum.core.cases.CaseId;
import io.dictum.core.contacts.ContactId;
import io.dictum.core.documents.DocumentId;
import io.dictum.core.users.UserId;
import io.dictum.web.paging.PagingParameters;
import io.dictum.web.security.CurrentActor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

    private final CurrentActor currentActor;
    private final PagingParameters pagingParameters;

    WebConfiguration(CurrentActor currentActor, PagingParameters pagingParameters) {
        this.currentActor = currentActor;
        this.pagingParameters = pagingParameters;
    }

    /** Typed ids in paths and query parameters; a malformed one becomes a 400 naming the parameter. */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, CaseId.class, CaseId::parse);
        registry.addConverter(String.class, ContactId.class, ContactId::parse);
        registry.addConverter(String.class, DocumentId.class, DocumentId::parse);
        registry.addConverter(String.class, UserId.class, UserId::parse);
        // Enums travel in their snake_case wire form (status=open, role=opposing_party), as in JSON.
        registry.addConverterFactory(new ConverterFactory<String, Enum<?>>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public <T extends Enum<?>> Converter<String, T> getConverter(Class<T> type) {
                return source -> (T) java.util.Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equalsIgnoreCase(source.strip()))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("'" + source + "' is not one of "
                                + java.util.Arrays.stream(type.getEnumConstants())
                                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList()));
            }
        });
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(currentActor, pagingParameters);
    }
}
