package io.dictum.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** E-mail against a real SMTP server (GreenMail), and off without a host. */
class MailerTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aMessageArrivesAsPlainUtf8TextFromTheConfiguredSender() throws Exception {
        Mailer mailer = new Mailer(new MailProperties("127.0.0.1", SMTP.getSmtp().getPort(), null, null,
                "docket@hale-ortiz.test", false));
        try {
            assertThat(mailer.enabled()).isTrue();
            mailer.send("bking@hale-ortiz.test", "Due in 3 days: Réponse — Miller", "Due Mon 2031-03-17 §12.")
                    .block();
            MimeMessage[] received = SMTP.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Due in 3 days: Réponse — Miller");
            assertThat(received[0].getFrom()[0].toString()).isEqualTo("docket@hale-ortiz.test");
            assertThat(GreenMailUtil.getBody(received[0])).contains("2031-03-17");
        } finally {
            mailer.destroy();
        }
    }

    @Test
    void withoutAHostMailIsOffAndSendingSaysSo() {
        Mailer mailer = new Mailer(new MailProperties(" ", null, null, null, null, null));
        try {
            assertThat(mailer.enabled()).isFalse();
            assertThatThrownBy(() -> mailer.send("x@y.test", "s", "b").block()).hasMessageContaining("SMTP host");
        } finally {
            mailer.destroy();
        }
    }

    @Test
    void anUnreachableServerIsAnErrorNotAHang() {
        Mailer mailer = new Mailer(new MailProperties("127.0.0.1", 1, null, null, null, false));
        try {
            assertThatThrownBy(() -> mailer.send("x@y.test", "s", "b").block()).isNotNull();
        } finally {
            mailer.destroy();
        }
    }
}
