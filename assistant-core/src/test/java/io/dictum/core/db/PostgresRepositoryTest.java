package io.dictum.core.db;

import org.junit.jupiter.api.Assumptions;

/** Runs when -Ddictum.test.postgres.url is given (.ci/run gives it); otherwise says loudly that it is skipped. */
class PostgresRepositoryTest extends RepositoryContract {

    @Override
    TestDatabase open() {
        String url = TestDatabase.postgresUrl().orElse(null);
        if (url == null) {
            System.err.println("""
                    ******************************************************************************
                    * PostgreSQL repository tests SKIPPED: no -Ddictum.test.postgres.url given.   *
                    * Run ./mvnw verify -Ddictum.test.postgres.url=r2dbc:postgresql://127.0.0.1:5432/test *
                    ******************************************************************************""");
        }
        Assumptions.assumeTrue(url != null, "PostgreSQL tests need -Ddictum.test.postgres.url");
        return TestDatabase.postgres(url);
    }
}
