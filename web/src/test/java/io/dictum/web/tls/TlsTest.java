package io.dictum.web.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.dictum.web.DictumApplication;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Dictum started with a self-signed certificate made here with keytool, given as PEM files through DICTUM_TLS_*:
 * a client trusting that certificate talks HTTPS; plain HTTP on the port gets no answer.
 */
class TlsTest {

    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext app;
    private static X509Certificate certificate;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path p12 = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "dictum", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", p12.toString(), "-storepass", "test-pass", "-keypass", "test-pass")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(p12.toFile())) {
            store.load(in, "test-pass".toCharArray());
        }
        certificate = (X509Certificate) store.getCertificate("dictum");
        PrivateKey key = (PrivateKey) store.getKey("dictum", "test-pass".toCharArray());
        Path certPem = dir.resolve("tls.crt");
        Path keyPem = dir.resolve("tls.key");
        Files.writeString(certPem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(keyPem, pem("PRIVATE KEY", key.getEncoded()));

        app = new SpringApplicationBuilder(DictumApplication.class).run(
                "--server.port=0",
                "--dictum.data-dir=" + dir.resolve("data"),
                "--dictum.admin.username=tlsadmin",
                "--dictum.admin.password=tls-admin-password",
                "--dictum.tls.certificate=" + certPem,
                "--dictum.tls.private-key=" + keyPem);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static WebClient trusting() throws Exception {
        var ssl = SslContextBuilder.forClient().trustManager(certificate).build();
        HttpClient http = HttpClient.create().secure(spec -> spec.sslContext(ssl)).responseTimeout(Duration.ofSeconds(30));
        return WebClient.builder().baseUrl("https://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Test
    void aClientTrustingTheCertificateSignsInOverHttps() throws Exception {
        WebClient client = trusting();
        String health = client.get().uri("/actuator/health").retrieve().bodyToMono(String.class).block();
        assertThat(health).contains("UP");

        var login = client.post().uri("/api/v1/auth/login").bodyValue(Map.of("username", "tlsadmin",
                "password", "tls-admin-password")).retrieve().toEntity(Map.class).block();
        assertThat(login.getStatusCode().value()).isEqualTo(200);
        assertThat(login.getBody()).containsKey("token");
        assertThat(login.getHeaders().getFirst("Strict-Transport-Security")).as("HSTS on HTTPS answers")
                .contains("max-age");
        List<?> users = client.get().uri("/api/v1/users").headers(h -> h.setBearerAuth((String) login.getBody()
                .get("token"))).retrieve().bodyToMono(List.class).block();
        assertThat(users).isNotEmpty();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefused() {
        WebClient client = WebClient.builder().baseUrl("https://localhost:" + port).build();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.get().uri("/actuator/health")
                .retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30))))
                .hasStackTraceContaining("PKIX");
    }

    @Test
    void plainHttpOnTheTlsPortGetsNoHttpAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = socket.getInputStream().readNBytes(5);
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotStartWith("HTTP");
        }
    }
}
