package io.dictum.core.notifications;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Plain-text e-mail over SMTP when a host is configured; otherwise off, which the log says once at start. Sending
 * blocks, so it runs on its own small bounded scheduler, never on the event loop.
 */
@Component
public class Mailer implements org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailProperties properties;
    private final JavaMailSenderImpl sender;
    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 1000, "dictum-mail", 60, true);

    public Mailer(MailProperties properties) {
        this.properties = properties;
        if (!properties.enabled()) {
            sender = null;
            log.info("E-mail is off: no SMTP host is configured (DICTUM_SMTP_HOST). Notifications and reminders are"
                    + " delivered in-app only.");
            return;
        }
        sender = new JavaMailSenderImpl();
        sender.setHost(properties.host());
        sender.setPort(properties.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        if (properties.username() != null && !properties.username().isBlank()) {
            sender.setUsername(properties.username());
            sender.setPassword(properties.password());
        }
        Properties smtp = sender.getJavaMailProperties();
        smtp.put("mail.smtp.auth", Boolean.toString(sender.getUsername() != null));
        smtp.put("mail.smtp.starttls.enable", properties.starttls().toString());
        smtp.put("mail.smtp.connectiontimeout", "10000");
        smtp.put("mail.smtp.timeout", "20000");
        smtp.put("mail.smtp.writetimeout", "20000");
        log.info("E-mail goes through SMTP host {}:{} from {}", properties.host(), properties.port(),
                properties.from());
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

    public boolean enabled() {
        return sender != null;
    }

    /** Sends one plain-text message; fails with the SMTP error when the server refuses it. */
    public Mono<Void> send(String to, String subject, String text) {
        if (sender == null) {
            return Mono.error(new IllegalStateException("e-mail is off: no SMTP host is configured"));
        }
        return Mono.<Void>fromRunnable(() -> {
            try {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
                helper.setFrom(properties.from());
                helper.setTo(to);
                helper.setSubject(subject);
                helper.setText(text, false);
                sender.send(message);
            } catch (jakarta.mail.MessagingException e) {
                throw new org.springframework.mail.MailPreparationException(e.getMessage(), e);
            }
        }).subscribeOn(scheduler);
    }
}
