-- Appointments on a case's calendar: what an attorney attends (a mediation, a deposition, a status conference, a
-- client meeting), as distinct from the deadlines the court rules compute. No time means all day; a duration only
-- goes with a time. Portable SQL: PostgreSQL and embedded H2 (starts_on/starts_at: DATE and TIME are keywords).

CREATE TABLE appointments (
    id               UUID PRIMARY KEY,
    case_id          UUID         NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    title            VARCHAR(200) NOT NULL,
    starts_on        DATE         NOT NULL,
    starts_at        TIME,
    duration_minutes INT,
    location         VARCHAR(300),
    created_by       UUID REFERENCES users (id),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX appointments_case_day ON appointments (case_id, starts_on);
CREATE INDEX appointments_day ON appointments (starts_on);
