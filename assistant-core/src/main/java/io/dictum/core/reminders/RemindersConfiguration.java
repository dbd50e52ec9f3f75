package io.dictum.core.reminders;

import io.dictum.core.FirmCalendar;
import io.dictum.core.access.CaseTeamRepository;
import io.dictum.core.cases.CaseRepository;
import io.dictum.core.cases.CaseService;
import io.dictum.core.deadlines.DeadlineRepository;
import io.dictum.core.notifications.Mailer;
import io.dictum.core.notifications.NotificationService;
import io.dictum.core.users.UserRepository;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.reactive.TransactionalOperator;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class RemindersConfiguration {

    /** The built-in ladder, or the firm's file when DICTUM_REMINDER_ESCALATION names one; broken data stops the start. */
    @Bean
    EscalationLadder escalationLadder(ReminderProperties properties) {
        return properties.escalation() == null ? EscalationLadder.builtIn()
                : EscalationLadder.load(properties.escalation());
    }

    @Bean
    ReminderSweeper reminderSweeper(DeadlineRepository deadlines, CaseRepository caseRows, CaseService cases,
                                    CaseTeamRepository teams, UserRepository users, ReminderRepository reminders,
                                    NotificationService notifications, Mailer mailer, TransactionalOperator tx,
                                    Clock clock, FirmCalendar calendar, ReminderProperties properties,
                                    EscalationLadder ladder) {
        return new ReminderSweeper(deadlines, caseRows, cases, teams, users, reminders, notifications, mailer, tx,
                clock, calendar, properties, ladder);
    }
}
