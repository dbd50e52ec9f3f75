package io.dictum.web;

import io.dictum.core.CoreConfiguration;
import io.dictum.core.encryption.KeysTool;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@ConfigurationPropertiesScan
@Import(CoreConfiguration.class)
public class DictumApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("keys")) {
            // Key management runs without the server: `java -jar dictum.jar keys generate`
            System.exit(KeysTool.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(DictumApplication.class, args);
    }
}
