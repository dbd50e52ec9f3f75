package io.dictum.core.imports;

import io.dictum.core.cases.CaseStatus;
import io.dictum.core.cases.MatterType;
import io.dictum.core.contacts.Contact;
import io.dictum.core.contacts.ContactService;
import io.dictum.core.contacts.NewContact;
import io.dictum.core.errors.InvalidInputException;
import io.dictum.core.users.User;
import io.dictum.core.users.UserId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns the rows of a CSV table into contacts and cases, or into the problems that keep a row out. */
final class ImportRows {

    /** A contact to create; {@code externalId} is the source system's id when the file has one. */
    record ContactRow(long line, String externalId, Contact contact) {
    }

    record CaseRow(long line, String number, String title, String clientName, MatterType matterType,
                   CaseStatus status, LocalDate openedOn, LocalDate closedOn, Optional<UserId> responsible,
                   String court) {
    }

    /** One row read: either its value or what is wrong with it. */
    record Parsed<T>(long line, T value, List<RowProblem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final List<String> PERSON = List.of("person", "individual", "natural person", "people");
    private static final List<String> ORGANIZATION = List.of("company", "organization", "organisation",
            "business", "corporation", "entity", "firm", "government", "agency");
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT), DateTimeFormatter.ofPattern("uuuu/M/d", Locale.ROOT));

    private final ImportColumns columns;
    private final java.util.Map<String, String> headerOfField;

    ImportRows(ImportColumns columns, java.util.Map<String, String> headerOfField) {
        this.columns = columns;
        this.headerOfField = headerOfField;
    }

    /** The file's own name for the column of a field, so that problems point where the user looks. */
    private String col(String field, String otherwise) {
        return headerOfField.getOrDefault(field, otherwise);
    }

    Parsed<ContactRow> contact(CsvTable.Row row) {
        List<RowProblem> problems = new ArrayList<>();
        String first = row.get("firstName");
        String last = row.get("lastName");
        String company = row.get("company");
        String person = row.get("name") != null ? row.get("name")
                : first != null || last != null ? String.join(" ", nonNull(first, last)) : null;
        String name = person != null ? person : company;
        if (name == null) {
            problems.add(new RowProblem(row.line(), col("name", "Name"), "no name: fill Name, First Name and Last Name, or"
                    + " Company"));
            return new Parsed<>(row.line(), null, problems);
        }
        String kind = person != null ? "person" : "organization";
        if (row.get("type") != null) {
            String type = ImportColumns.words(row.get("type"));
            if (PERSON.contains(type)) {
                kind = "person";
            } else if (ORGANIZATION.contains(type)) {
                kind = "organization";
            } else {
                problems.add(new RowProblem(row.line(), col("type", "Type"), "'" + row.get("type") + "' is neither a person"
                        + " (Person, Individual) nor an organisation (Company, Organization, Business)"));
            }
        }
        List<String> aliases = row.get("aliases") == null ? List.of()
                : Arrays.stream(row.get("aliases").split("[;|]")).map(String::strip).filter(a -> !a.isEmpty())
                .toList();
        if (row.get("phone") != null && row.get("phone").length() > 50) {
            problems.add(new RowProblem(row.line(), col("phone", "Phone"), "longer than 50 characters"));
        }
        Contact contact = null;
        try {
            contact = ContactService.validate(new NewContact(name, kind, aliases, row.get("email"),
                    row.get("phone")));
        } catch (InvalidInputException e) {
            problems.add(new RowProblem(row.line(), e.getMessage().startsWith("email") ? col("email", "Email") : col("name", "Name"),
                    e.getMessage()));
        }
        String externalId = row.get("externalId");
        if (externalId != null && externalId.length() > 200) {
            problems.add(new RowProblem(row.line(), col("externalId", "External ID"), "longer than 200 characters"));
        }
        return new Parsed<>(row.line(), problems.isEmpty() ? new ContactRow(row.line(), externalId, contact) : null,
                problems);
    }

    Parsed<CaseRow> legalCase(CsvTable.Row row, List<User> users, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        long line = row.line();
        String number = row.get("number");
        if (number == null) {
            problems.add(new RowProblem(line, col("number", "Matter Number"), "empty: every case needs its number"));
        } else if (number.length() > 60) {
            problems.add(new RowProblem(line, col("number", "Matter Number"), "longer than 60 characters"));
        }
        String client = row.get("client");
        if (client == null) {
            problems.add(new RowProblem(line, col("client", "Client"), "empty: every case needs its client"));
        } else if (client.length() > 300) {
            problems.add(new RowProblem(line, col("client", "Client"), "longer than 300 characters"));
        }
        String title = row.get("title") != null ? row.get("title") : client;
        if (title != null && title.length() > 300) {
            problems.add(new RowProblem(line, col("title", "Title"), "longer than 300 characters"));
        }
        MatterType matterType = new MatterType("other");
        if (row.get("matterType") != null) {
            String text = row.get("matterType");
            String id = columns.matterType(text).orElse(ImportColumns.words(text).replace(' ', '_'));
            try {
                matterType = new MatterType(id);
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(line, col("matterType", "Practice Area"), "'" + text + "' cannot be a matter type: start it"
                        + " with a letter, e.g. Personal Injury, Estate, Family"));
            }
        }
        LocalDate openedOn = date(row, "openedOn", col("openedOn", "Open Date"), problems).orElse(today);
        LocalDate closedOn = date(row, "closedOn", col("closedOn", "Close Date"), problems).orElse(null);
        if (closedOn != null && closedOn.isBefore(openedOn)) {
            problems.add(new RowProblem(line, col("closedOn", "Close Date"), closedOn + " is before the open date " + openedOn));
        }
        CaseStatus status = closedOn == null ? CaseStatus.OPEN : CaseStatus.CLOSED;
        if (row.get("status") != null) {
            Optional<String> s = columns.status(row.get("status"));
            if (s.isPresent()) {
                status = CaseStatus.fromId(s.get());
            } else {
                problems.add(new RowProblem(line, col("status", "Status"), "'" + row.get("status") + "' is not a status we know:"
                        + " use Open (Active), Pending (On Hold) or Closed (Archived)"));
            }
        }
        Optional<UserId> responsible = Optional.empty();
        if (row.get("responsible") != null) {
            String who = row.get("responsible");
            responsible = users.stream().filter(u -> u.role().isFirmMember())
                    .filter(u -> u.username().equalsIgnoreCase(who) || u.displayName().equalsIgnoreCase(who))
                    .map(User::id).findFirst();
            if (responsible.isEmpty()) {
                problems.add(new RowProblem(line, col("responsible", "Responsible Attorney"), "no firm member is called '" + who
                        + "': add the user first (POST /api/v1/users), use their username, or leave it empty"));
            }
        }
        String court = row.get("court");
        if (court != null && court.length() > 300) {
            problems.add(new RowProblem(line, col("court", "Court"), "longer than 300 characters"));
        }
        return new Parsed<>(line, problems.isEmpty() ? new CaseRow(line, number, title, client, matterType, status,
                openedOn, closedOn, responsible, court) : null, problems);
    }

    private static Optional<LocalDate> date(CsvTable.Row row, String field, String column,
                                            List<RowProblem> problems) {
        String text = row.get(field);
        if (text == null) {
            return Optional.empty();
        }
        // Spreadsheets often append a midnight time: "2024-03-05 00:00:00", "3/5/2024 12:00 AM".
        String day = text.split("[ T]", 2)[0];
        for (DateTimeFormatter f : DATES) {
            try {
                return Optional.of(LocalDate.parse(day, f));
            } catch (DateTimeParseException ignored) {
                // try the next accepted form
            }
        }
        problems.add(new RowProblem(row.line(), column, "'" + text + "' is not a date: write 2024-03-05 or"
                + " 3/5/2024 (month first)"));
        return Optional.empty();
    }

    private static List<String> nonNull(String... values) {
        return Arrays.stream(values).filter(v -> v != null).toList();
    }
}
