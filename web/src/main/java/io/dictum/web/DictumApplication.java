package io.dictum.web;

import io.dictum.core.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class DictumApplication {

    public static void main(String[] args) {
        SpringApplication.run(DictumApplication.class, args);
    }
}
