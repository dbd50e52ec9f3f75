package io.dictum.core.cases;

import java.time.LocalDate;

/**
 * A request to open a case. The client is an existing contact ({@code clientId}) or a new one named by
 * {@code clientName}; the number is generated when not given ({@code 2026-PI-0007}).
 */
public record NewCase(String number, String title, String matterType, String clientId, String clientName,
                      String status, String court, LocalDate openedOn) {
}
