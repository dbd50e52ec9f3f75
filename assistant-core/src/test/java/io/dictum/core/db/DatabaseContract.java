package io.dictum.core.db;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A repository test suite written once and run against every supported database: a subclass per database says
 * which by {@link #open()}; the suite's own {@code @BeforeAll} (run after this one) builds its repositories on
 * {@link #db}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContract {

    protected TestDatabase db;

    protected abstract TestDatabase open() throws Exception;

    @BeforeAll
    final void openDatabase() throws Exception {
        db = open();
    }

    @AfterAll
    final void closeDatabase() throws Exception {
        if (db != null) {
            db.close();
        }
    }
}
