package io.dictum.core.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server for e-mail ({@code dictum.mail.*}, DICTUM_SMTP_HOST, _PORT, _USERNAME, _PASSWORD, _FROM,
 * _STARTTLS). Without a host, e-mail is off.
 */
@ConfigurationProperties("dictum.mail")
public record MailProperties(String host, Integer port, String username, String password, String from,
                             Boolean starttls) {

    public MailProperties {
        port = port == null ? 587 : port;
        from = from == null || from.isBlank() ? "dictum@localhost" : from;
        starttls = starttls == null || starttls;
    }

    public boolean enabled() {
        return host != null && !host.isBlank();
    }
}
