package io.dictum.core.appointments;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); skipped loudly otherwise. */
class AppointmentPostgresRepositoryTest extends AppointmentRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
