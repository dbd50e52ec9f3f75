package io.dictum.web.templates;

import io.dictum.core.drafting.TemplateId;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/** Template ids in paths; a malformed one becomes a 400 naming the parameter. */
@Configuration(proxyBeanMethods = false)
class TemplatesWebConfiguration implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, TemplateId.class, TemplateId::parse);
    }
}
