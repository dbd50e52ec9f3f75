package io.dictum.core.calendar;

/** A feed of every deadline and appointment the user may see, or of one case's ({@code caseId}). */
public record NewCalendarFeed(String caseId) {
}
