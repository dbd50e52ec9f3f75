package io.dictum.core.imports;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); skipped loudly otherwise. */
class ImportPostgresRepositoryTest extends ImportRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
