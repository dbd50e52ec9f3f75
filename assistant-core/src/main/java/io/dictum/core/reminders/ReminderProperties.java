package io.dictum.core.reminders;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadline reminders ({@code dictum.reminders.*}): the days before the due date on which reminders go out, how often
 * the sweeper looks, an optional escalation ladder file replacing the built-in one, and the supervising partner's
 * username (every partner when unset).
 */
@ConfigurationProperties("dictum.reminders")
public record ReminderProperties(Boolean enabled, List<Integer> offsets, Duration interval, Path escalation,
                                 String supervisingPartner) {

    public ReminderProperties {
        enabled = enabled == null || enabled;
        offsets = offsets == null || offsets.isEmpty() ? List.of(14, 7, 3, 1, 0) : List.copyOf(offsets);
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        escalation = escalation == null || escalation.toString().isBlank() ? null : escalation;
        supervisingPartner = supervisingPartner == null || supervisingPartner.isBlank() ? null
                : supervisingPartner.strip();
        for (Integer o : offsets) {
            if (o == null || o < 0 || o > 366) {
                throw new IllegalArgumentException("dictum.reminders.offsets (DICTUM_REMINDER_OFFSETS) must be days"
                        + " before the due date between 0 and 366, e.g. 14,7,3,1,0; got " + offsets);
            }
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("dictum.reminders.interval (DICTUM_REMINDER_INTERVAL) must be"
                    + " positive, e.g. 15m; got " + interval);
        }
    }
}
