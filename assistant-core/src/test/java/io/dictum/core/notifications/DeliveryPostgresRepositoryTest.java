package io.dictum.core.notifications;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); skipped loudly otherwise. */
class DeliveryPostgresRepositoryTest extends DeliveryRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
