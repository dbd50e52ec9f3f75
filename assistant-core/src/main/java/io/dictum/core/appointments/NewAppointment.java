package io.dictum.core.appointments;

/**
 * An appointment to put on a case: {@code date} as yyyy-mm-dd and {@code time} as HH:mm (24-hour clock, the firm's
 * time zone; absent for all day). Dates and times are kept as text so that every mistake is answered with a message
 * of ours that says what to send.
 */
public record NewAppointment(String title, String date, String time, Integer durationMinutes, String location) {
}
