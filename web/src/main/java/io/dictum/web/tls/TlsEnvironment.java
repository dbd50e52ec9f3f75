package io.dictum.web.tls;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the operator's {@code DICTUM_TLS_*} settings into a Spring Boot SSL bundle named {@code dictum} and serves
 * HTTPS with it: a PEM certificate chain and private key, or a PKCS#12 key store. With neither, nothing changes (plain
 * HTTP, for a reverse proxy that terminates TLS). Spring's own {@code spring.ssl.bundle.*} and {@code server.ssl.*}
 * properties still work and win, as they are read first.
 */
public class TlsEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String BUNDLE = "dictum";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> tls = properties(environment::getProperty);
        if (!tls.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("dictumTls", tls));
        }
    }

    /** The Spring properties for the given settings; empty when TLS is not configured. */
    static Map<String, Object> properties(java.util.function.Function<String, String> settings) {
        String certificate = blankToNull(settings.apply("dictum.tls.certificate"));
        String privateKey = blankToNull(settings.apply("dictum.tls.private-key"));
        String keystore = blankToNull(settings.apply("dictum.tls.keystore"));
        Map<String, Object> p = new LinkedHashMap<>();
        if (certificate != null || privateKey != null) {
            if (certificate == null || privateKey == null || keystore != null) {
                throw new IllegalStateException("TLS needs both DICTUM_TLS_CERTIFICATE and DICTUM_TLS_PRIVATE_KEY (PEM"
                        + " files), or DICTUM_TLS_KEYSTORE (PKCS#12) alone");
            }
            String prefix = "spring.ssl.bundle.pem." + BUNDLE + ".keystore.";
            p.put(prefix + "certificate", location(certificate));
            p.put(prefix + "private-key", location(privateKey));
            String keyPassword = blankToNull(settings.apply("dictum.tls.private-key-password"));
            if (keyPassword != null) {
                p.put(prefix + "private-key-password", keyPassword);
            }
        } else if (keystore != null) {
            String prefix = "spring.ssl.bundle.jks." + BUNDLE + ".keystore.";
            p.put(prefix + "location", location(keystore));
            p.put(prefix + "type", "PKCS12");
            String password = blankToNull(settings.apply("dictum.tls.keystore-password"));
            if (password != null) {
                p.put(prefix + "password", password);
            }
        } else {
            return p;
        }
        p.put("server.ssl.bundle", BUNDLE);
        p.put("server.ssl.enabled", "true");
        p.put("server.ssl.enabled-protocols", "TLSv1.3,TLSv1.2");
        return p;
    }

    private static String location(String path) {
        return path.contains(":") && !path.matches("^[A-Za-z]:\\\\.*") ? path : "file:" + path;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** After application.yml is read, so {@code dictum.tls.*} resolves there. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
