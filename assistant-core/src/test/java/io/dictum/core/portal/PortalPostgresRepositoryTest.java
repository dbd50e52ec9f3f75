package io.dictum.core.portal;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); skipped loudly otherwise. */
class PortalPostgresRepositoryTest extends PortalRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
