package io.dictum.core.assistant;

import io.dictum.core.db.TestDatabase;

/** Runs when -Ddictum.test.postgres.url is given; skipped loudly otherwise. */
class ConversationPostgresRepositoryTest extends ConversationRepositoryContract {

    @Override
    protected TestDatabase open() {
        return TestDatabase.postgresOrSkip();
    }
}
