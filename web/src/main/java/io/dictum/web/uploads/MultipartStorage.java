package io.dictum.web.uploads;

import io.dictum.core.DictumProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.multipart.DefaultPartHttpMessageReader;

/**
 * Multipart bodies are buffered in {@code DATA_DIR/tmp/multipart} instead of the system temporary directory, so that
 * what a killed process leaves mid-body is where the start-up sweep ({@code UploadTempSweep}) looks.
 */
@Configuration(proxyBeanMethods = false)
public class MultipartStorage {

    public static Path directory(DictumProperties properties) {
        return properties.dataDir().resolve("tmp").resolve("multipart");
    }

    /** After Spring Boot's own multipart settings (limits), which it keeps. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer multipartStorageInDataDir(DictumProperties properties) {
        Path directory = directory(properties);
        return configurer -> configurer.defaultCodecs().configureDefaultCodec(codec -> {
            if (codec instanceof DefaultPartHttpMessageReader reader) {
                try {
                    reader.setFileStorageDirectory(Files.createDirectories(directory));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot use " + directory + " for uploads; check that"
                            + " DICTUM_DATA_DIR is writable", e);
                }
            }
        });
    }
}
