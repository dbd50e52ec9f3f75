package io.dictum.core.drafting;

import io.dictum.templates.docx.DocxPdfRenderer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FirmProperties.class)
class DraftingConfiguration {

    @Bean
    DocxPdfRenderer docxPdfRenderer() {
        return new DocxPdfRenderer();
    }
}
