package io.dictum.core.drafting;

import io.dictum.core.db.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/** Runs when -Ddictum.test.postgres.url is given; skipped otherwise (the core PostgreSQL test prints the banner). */
class TemplatePostgresRepositoryTest extends TemplateRepositoryContract {

    @Override
    TestDatabase open() {
        String url = TestDatabase.postgresUrl().orElse(null);
        Assumptions.assumeTrue(url != null, "PostgreSQL tests need -Ddictum.test.postgres.url");
        return TestDatabase.postgres(url);
    }
}
