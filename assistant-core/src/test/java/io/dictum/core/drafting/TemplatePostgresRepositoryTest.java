package io.dictum.core.drafting;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); skipped loudly otherwise. */
class TemplatePostgresRepositoryTest extends TemplateRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
