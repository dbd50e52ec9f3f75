package io.dictum.core.portal;

import java.time.LocalDate;

/** A milestone to add; {@code clientVisible} defaults to false (the firm decides what the client sees). */
public record NewMilestone(String title, LocalDate date, String description, Boolean clientVisible) {
}
