-- Time and billing. Portable SQL: PostgreSQL and embedded H2. Money is NUMERIC with two decimals (cents), read and
-- written as BigDecimal; hours billed are NUMERIC with two decimals. Invoices and their lines are snapshots: they
-- keep rates, names and amounts as they were when the invoice was made.

-- Hourly rates. A row names any of user, case (matter) and matter type; none of them is the firm default.
-- The most specific row wins (see RateTable): case+user, case, user+matter type, user, matter type, firm default.
CREATE TABLE billing_rates (
    id          UUID PRIMARY KEY,
    user_id     UUID REFERENCES users (id) ON DELETE CASCADE,
    case_id     UUID REFERENCES cases (id) ON DELETE CASCADE,
    matter_type VARCHAR(60),
    hourly_rate NUMERIC(12, 2) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID REFERENCES users (id)
);
CREATE INDEX billing_rates_user ON billing_rates (user_id);

-- At most one timer per user, running (running_since set) or paused (running_since null).
CREATE TABLE timers (
    id                  UUID PRIMARY KEY,
    user_id             UUID         NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    case_id             UUID REFERENCES cases (id) ON DELETE CASCADE,
    activity            VARCHAR(1000),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    running_since       TIMESTAMP WITH TIME ZONE,
    accumulated_seconds BIGINT       NOT NULL
);

-- Invoice numbers come from this counter, incremented in the invoice's own transaction: a failed creation rolls the
-- number back, so issued numbers have no gaps. Invoices are never deleted, only voided.
CREATE TABLE invoice_counters (
    name       VARCHAR(40) PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
INSERT INTO invoice_counters (name, last_value) VALUES ('invoice', 0);

CREATE TABLE invoices (
    id                UUID PRIMARY KEY,
    seq               BIGINT         NOT NULL UNIQUE,
    number            VARCHAR(20)    NOT NULL UNIQUE,
    case_id           UUID           NOT NULL REFERENCES cases (id),
    client_id         UUID           NOT NULL REFERENCES contacts (id),
    status            VARCHAR(10)    NOT NULL,
    invoice_date      DATE           NOT NULL,
    period_from       DATE           NOT NULL,
    period_to         DATE           NOT NULL,
    currency          CHAR(3)        NOT NULL,
    discount_percent  NUMERIC(5, 2)  NOT NULL,
    tax_percent       NUMERIC(7, 4)  NOT NULL,
    tax_fees          BOOLEAN        NOT NULL,
    tax_expenses      BOOLEAN        NOT NULL,
    fees_total        NUMERIC(14, 2) NOT NULL,
    expenses_total    NUMERIC(14, 2) NOT NULL,
    adjustments_total NUMERIC(14, 2) NOT NULL,
    tax_total         NUMERIC(14, 2) NOT NULL,
    total             NUMERIC(14, 2) NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by        UUID REFERENCES users (id),
    issued_at         TIMESTAMP WITH TIME ZONE,
    paid_at           TIMESTAMP WITH TIME ZONE,
    voided_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX invoices_case ON invoices (case_id);
CREATE INDEX invoices_client ON invoices (client_id);

CREATE TABLE invoice_lines (
    invoice_id          UUID           NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_number         INT            NOT NULL,
    line_type           VARCHAR(2)     NOT NULL,
    kind                VARCHAR(20)    NOT NULL,
    item_date           DATE           NOT NULL,
    time_entry_id       UUID,
    expense_id          UUID,
    timekeeper_id       UUID,
    timekeeper_username VARCHAR(100),
    timekeeper_name     VARCHAR(200),
    timekeeper_class    VARCHAR(2),
    task_code           VARCHAR(4),
    activity_code       VARCHAR(4),
    expense_code        VARCHAR(4),
    description         VARCHAR(1000)  NOT NULL,
    units               NUMERIC(12, 2),
    unit_cost           NUMERIC(12, 2),
    adjustment          NUMERIC(14, 2) NOT NULL,
    total               NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (invoice_id, line_number)
);

-- minutes as worked; billed_hours rounded to the firm's increment when the entry was recorded or last changed.
-- invoice_id set means billed: the entry is locked until that invoice is voided.
-- timer_id is unique, so one timer can never turn into two entries.
CREATE TABLE time_entries (
    id            UUID PRIMARY KEY,
    case_id       UUID          NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id       UUID          NOT NULL REFERENCES users (id),
    work_date     DATE          NOT NULL,
    minutes       INT           NOT NULL,
    billed_hours  NUMERIC(8, 2) NOT NULL,
    description   VARCHAR(1000) NOT NULL,
    billable      BOOLEAN       NOT NULL,
    task_code     VARCHAR(4),
    activity_code VARCHAR(4),
    timer_id      UUID UNIQUE,
    invoice_id    UUID REFERENCES invoices (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX time_entries_case ON time_entries (case_id, work_date);
CREATE INDEX time_entries_user ON time_entries (user_id, work_date);
CREATE INDEX time_entries_invoice ON time_entries (invoice_id);

CREATE TABLE expenses (
    id           UUID PRIMARY KEY,
    case_id      UUID           NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    user_id      UUID           NOT NULL REFERENCES users (id),
    incurred_on  DATE           NOT NULL,
    quantity     NUMERIC(12, 2) NOT NULL,
    unit_cost    NUMERIC(12, 2) NOT NULL,
    description  VARCHAR(1000)  NOT NULL,
    expense_code VARCHAR(4),
    billable     BOOLEAN        NOT NULL,
    invoice_id   UUID REFERENCES invoices (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX expenses_case ON expenses (case_id, incurred_on);
CREATE INDEX expenses_invoice ON expenses (invoice_id);
